using Microsoft.Extensions.AI;

namespace FunctionAgents.Benchmarks;

/// <summary>An in-process judge model that always answers a valid verdict, counting its calls (the benchmark needs no network model).</summary>
internal sealed class ScriptedBenchJudge : IChatClient
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, """{"score": 4, "reason": "scripted benchmark verdict"}""")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The judge is asked for whole responses.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("bench", null, "bench-judge") : null;

    public void Dispose()
    {
    }
}
