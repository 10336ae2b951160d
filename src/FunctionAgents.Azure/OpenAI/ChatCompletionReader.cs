using OpenAI.Chat;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>Reads what ModelCalled records from an SDK chat completion.</summary>
internal static class ChatCompletionReader
{
    /// <summary>The message text exactly as received; a refusal's text when the model refused; empty when it sent neither.</summary>
    public static string Text(ChatCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
        return text.Length > 0 ? text : completion.Refusal ?? string.Empty;
    }

    /// <summary>The wire name of the finish reason, e.g. <c>stop</c> or <c>length</c>.</summary>
    public static string FinishReason(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
