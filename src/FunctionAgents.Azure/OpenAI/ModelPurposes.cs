namespace FunctionAgents.Azure.OpenAI;

/// <summary>The purposes a ModelCalled event records.</summary>
internal static class ModelPurposes
{
    public const string Plan = "plan";
    public const string Repair = "repair";
    public const string Answer = "answer";
}
