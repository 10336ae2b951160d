namespace FunctionAgents.Runtime.Models;

/// <summary>
/// The keys under which a model client is registered for one purpose (<c>services.AddKeyedSingleton&lt;IChatClient&gt;(ModelPurposes.Judge, …)</c>).
/// A purpose with no keyed client uses the unkeyed <c>IChatClient</c>; see <see cref="ModelClients"/> and docs/models.md.
/// </summary>
public static class ModelPurposes
{
    /// <summary>The planner's client (plan and repair calls).</summary>
    public const string Planner = "planner";

    /// <summary>The answerer's client (the final answer).</summary>
    public const string Answer = "answer";

    /// <summary>The evaluation judge's client.</summary>
    public const string Judge = "judge";

    /// <summary>Every purpose, in the order the runtime registers them.</summary>
    public static IReadOnlyList<string> All { get; } = [Planner, Answer, Judge];
}
