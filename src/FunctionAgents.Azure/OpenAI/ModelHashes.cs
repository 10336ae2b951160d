namespace FunctionAgents.Azure.OpenAI;

/// <summary>The SHA-256 hashes ModelCalled records (<see cref="Runtime.Models.ModelHashes"/>), over this project's message type.</summary>
internal static class ModelHashes
{
    public static string Of(string text) => Runtime.Models.ModelHashes.Of(text);

    public static string OfMessages(IEnumerable<ModelMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Runtime.Models.ModelHashes.OfMessages(messages.Select(m => (m.Role, m.Content)));
    }
}
