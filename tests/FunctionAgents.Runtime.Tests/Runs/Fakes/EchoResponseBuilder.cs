using FunctionAgents.Domain.Responses;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

internal sealed class EchoResponseBuilder : IResponseBuilder
{
    public string Name => "echo";

    public Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ResponseResult(
            string.Join("; ", request.Steps.Select(s => $"{s.StepId}={s.Status}")),
            request.Steps.Where(s => s.Status == "executed").Select(s => $"step:{s.StepId}").ToList(),
            Name,
            []));
}
