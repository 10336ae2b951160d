namespace FunctionAgents.Azure.OpenAI;

/// <summary>Everything one model call sends, and what is recorded about its prompt.</summary>
/// <param name="Purpose">One of <see cref="ModelPurposes"/>.</param>
/// <param name="PromptVersion">The prompt file's version, e.g. <c>planner/v1</c>.</param>
/// <param name="PromptHash">SHA-256 of the rendered instructions (the system message).</param>
internal sealed record ModelCallRequest(
    string Purpose,
    string PromptVersion,
    string PromptHash,
    IReadOnlyList<ModelMessage> Messages,
    ModelResponseFormat Format,
    int MaxOutputTokens);
