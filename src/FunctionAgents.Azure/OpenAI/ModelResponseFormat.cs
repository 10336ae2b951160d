namespace FunctionAgents.Azure.OpenAI;

/// <summary>A strict JSON schema the model's answer must follow (OpenAI structured outputs).</summary>
/// <param name="Name">The schema's name, letters, digits, <c>_</c> and <c>-</c>.</param>
/// <param name="Schema">The schema as JSON text.</param>
internal sealed record ModelResponseFormat(string Name, string Description, string Schema);
