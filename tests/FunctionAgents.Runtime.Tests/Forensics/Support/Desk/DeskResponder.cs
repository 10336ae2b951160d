using FunctionAgents.Domain.Responses;

namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

/// <summary>Answers with a fixed text (a test may put personal data in it) citing the executed steps.</summary>
internal sealed class DeskResponder(string text) : IResponseBuilder
{
    public string Name => "offline";

    public Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ResponseResult(text, [.. request.Steps.Where(s => s.Status == "executed").Select(s => "step:" + s.StepId)], Name, []));
}
