namespace FunctionAgents.Domain.Responses;

/// <summary>Composes the answer to the user from what the run observed, citing its sources.</summary>
public interface IResponseBuilder
{
    string Name { get; }

    Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken);
}
