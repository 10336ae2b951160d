using Microsoft.Extensions.AI;

namespace FunctionAgents.Runtime.Tests.Evaluation.Sets;

/// <summary>A judge model that answers from a script (by prompt content), counting its calls.</summary>
internal sealed class ScriptedJudge(Func<string, string> answer) : IChatClient
{
    private int _calls;

    public int Calls => _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var user = messages.Last().Text;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(user))) { ModelId = "judge-model-1" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The judge is asked for whole responses.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "judge-model-1") : null;

    public void Dispose()
    {
    }
}
