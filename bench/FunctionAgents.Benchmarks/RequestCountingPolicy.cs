using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionAgents.Benchmarks;

/// <summary>Counts the HTTP attempts a client makes, retries included.</summary>
internal sealed class RequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _requests);
}
