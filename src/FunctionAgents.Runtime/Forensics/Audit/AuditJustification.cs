namespace FunctionAgents.Runtime.Forensics.Audit;

/// <summary>Why an action was taken or allowed: the policy that decided it, the human who approved it, the model and prompt behind it.</summary>
/// <param name="Rules">The policy rules that matched, by name.</param>
/// <param name="PolicyVersion">The policy's content hash at decision time.</param>
/// <param name="Reason">The decision's or the event's reason, in words.</param>
/// <param name="DecidedBy"><c>policy</c>, <c>human</c>, <c>timeout</c> or <c>runtime</c> for decisions on tool calls.</param>
/// <param name="Approver">The human who approved, rejected or cancelled.</param>
/// <param name="Comment">The human's comment.</param>
/// <param name="Model">The model (or planner/builder) that produced the output acted on.</param>
/// <param name="PromptVersion">The prompt version that model was given.</param>
public sealed record AuditJustification(
    IReadOnlyList<string> Rules,
    string? PolicyVersion = null,
    string? Reason = null,
    string? DecidedBy = null,
    string? Approver = null,
    string? Comment = null,
    string? Model = null,
    string? PromptVersion = null)
{
    public static AuditJustification None { get; } = new([]);
}
