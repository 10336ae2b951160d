using OpenAI.Chat;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>One chat message as sent, in the form hashed into ModelCalled.RequestHash.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
internal sealed record ModelMessage(string Role, string Content)
{
    public static ModelMessage System(string content) => new("system", content);

    public static ModelMessage User(string content) => new("user", content);

    public static ModelMessage Assistant(string content) => new("assistant", content);

    public ChatMessage ToChatMessage() => Role switch
    {
        "system" => new SystemChatMessage(Content),
        "user" => new UserChatMessage(Content),
        "assistant" => new AssistantChatMessage(Content),
        _ => throw new InvalidOperationException($"Unknown chat role '{Role}'."),
    };
}
