using System.Text.Json;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>One scripted answer of the fake chat-completions server.</summary>
internal sealed record ChatReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay)
{
    public const string DefaultModel = "gpt-4.1-mini-2025-04-14";

    /// <summary>A chat.completion body with content, usage and finish_reason, as the wire format has them.</summary>
    public static ChatReply Completion(string content, int promptTokens = 120, int completionTokens = 40, string finishReason = "stop", string model = DefaultModel) =>
        new(200, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_767_225_600,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        }), new Dictionary<string, string>(), TimeSpan.Zero);

    /// <summary>A completion that asks for a tool call instead of answering (no content).</summary>
    public static ChatReply ToolCall(string function, string arguments) =>
        new(200, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-tool",
            @object = "chat.completion",
            created = 1_767_225_600,
            model = DefaultModel,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new
                    {
                        role = "assistant",
                        content = (string?)null,
                        tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = function, arguments } } },
                    },
                    finish_reason = "tool_calls",
                },
            },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        }), new Dictionary<string, string>(), TimeSpan.Zero);

    /// <summary>A completion the content filter stopped: no content, finish_reason <c>content_filter</c>, as Azure OpenAI sends it.</summary>
    public static ChatReply ContentFiltered() =>
        new(200, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-filtered",
            @object = "chat.completion",
            created = 1_767_225_600,
            model = DefaultModel,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = (string?)null }, finish_reason = "content_filter" } },
            usage = new { prompt_tokens = 100, completion_tokens = 0, total_tokens = 100 },
        }), new Dictionary<string, string>(), TimeSpan.Zero);

    /// <summary>An Ollama <c>/api/chat</c> answer (one line with <c>done: true</c>), with its token counts.</summary>
    public static ChatReply Ollama(string content, int promptTokens = 60, int completionTokens = 12) =>
        new(200, JsonSerializer.Serialize(new
        {
            model = "llama3.2",
            created_at = "2026-01-01T00:00:00Z",
            message = new { role = "assistant", content },
            done = true,
            done_reason = "stop",
            prompt_eval_count = promptTokens,
            eval_count = completionTokens,
        }) + "\n", new Dictionary<string, string>(), TimeSpan.Zero);

    /// <summary>An error status with an OpenAI-style error body.</summary>
    public static ChatReply Error(int status, string code = "error", string message = "scripted failure", string? retryAfter = null) =>
        new(
            status,
            JsonSerializer.Serialize(new { error = new { code, message } }),
            retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
            TimeSpan.Zero);

    public ChatReply After(TimeSpan delay) => this with { Delay = delay };
}
