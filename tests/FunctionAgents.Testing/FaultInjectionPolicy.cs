using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionAgents.Testing;

/// <summary>
/// A per-retry policy that answers the first <c>failures</c> attempts itself, with a status or by
/// throwing, and lets later attempts through. Counts every attempt it sees.
/// </summary>
public sealed class FaultInjectionPolicy : HttpPipelinePolicy
{
    private readonly int _failures;
    private readonly Func<HttpMessage, Response?> _fault;
    private int _attempts;

    private FaultInjectionPolicy(int failures, Func<HttpMessage, Response?> fault)
    {
        _failures = failures;
        _fault = fault;
    }

    /// <summary>Every attempt that reached this policy, failed or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The first <paramref name="failures"/> attempts get <paramref name="status"/> (with an optional storage error code header).</summary>
    public static FaultInjectionPolicy Status(int status, int failures, string? errorCode = null) =>
        new(failures, _ => new StubResponse(status, string.Empty, errorCode is null ? null : new Dictionary<string, string> { ["x-ms-error-code"] = errorCode }));

    /// <summary>The first <paramref name="failures"/> attempts throw what <paramref name="exception"/> makes.</summary>
    public static FaultInjectionPolicy Throw(Func<Exception> exception, int failures) =>
        new(failures, _ => throw exception());

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!Fault(message))
        {
            ProcessNext(message, pipeline);
        }
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        Fault(message) ? ValueTask.CompletedTask : ProcessNextAsync(message, pipeline);

    private bool Fault(HttpMessage message)
    {
        if (Interlocked.Increment(ref _attempts) > _failures)
        {
            return false;
        }

        message.Response = _fault(message)!;
        return true;
    }
}
