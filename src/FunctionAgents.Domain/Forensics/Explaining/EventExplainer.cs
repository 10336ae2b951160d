using System.Text.Json;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Forensics.Explaining;

/// <summary>
/// Renders journal events in plain English for timelines, causation chains and audits. Every type in
/// <see cref="EventTypes.Names"/> has its own wording; a type this version does not know, or a payload it cannot
/// read, is still explained (generically, tagged <c>generic=true</c>) rather than thrown.
/// </summary>
public static partial class EventExplainer
{
    /// <summary>The event in plain English; never throws for an unknown type or an unreadable payload.</summary>
    public static EventExplanation Explain(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!EventTypes.IsKnown(e.Type))
        {
            return Generic(e, $"{e.Actor} recorded {e.Type}, an event type this version does not know ({ExplainText.Number(e.Payload.Length)} characters of payload)");
        }

        EventPayload payload;
        try
        {
            payload = e.ReadPayload();
        }
        catch (JsonException ex)
        {
            return Generic(e, $"the payload of this {e.Type} could not be read: {ex.Message}");
        }

        Wording? text = payload switch
        {
            RunStarted p => Started(p),
            MemoryRetrieved p => Memory(p),
            ModelCalled p => Model(p),
            PlanGenerated p => Plan(p),
            PlanRejected p => PlanRefused(p),
            ToolProposed p => Proposed(p),
            ToolApproved p => Approved(p),
            ToolRejected p => Rejected(p),
            ApprovalRequested p => ApprovalNeeded(p),
            HumanApproved p => Human(p.StepId, p.Approver, p.Comment, approved: true),
            HumanRejected p => Human(p.StepId, p.Approver, p.Comment, approved: false),
            ApprovalExpired p => Expired(p),
            ToolExecuted p => Executed(p),
            ObservationCaptured p => Observed(p),
            CostRecorded p => Cost(p),
            BudgetExceeded p => Budget(p),
            ResponseDrafted p => Drafted(p),
            ResponseFinalized p => Finalized(p),
            RunCompleted p => Completed(p),
            RunFailed p => Failed(p),
            RunCancelled p => Cancelled(p),
            EvaluationStarted p => EvaluationBegan(p),
            RunScored p => Scored(p),
            EvaluationCompleted p => EvaluationEnded(p),
            EvaluatorsScored p => EvaluatorsOfDay(p),
            _ => null,
        };

        return text is null
            ? Generic(e, $"{e.Actor} recorded {e.Type}")
            : new EventExplanation(
                ExplainText.OneLine(text.Value.Title, ExplainText.SummaryLimit / 2),
                ExplainText.OneLine(text.Value.Summary),
                [Tag("type", e.Type), Tag("actor", e.Actor), .. text.Value.Tags]);
    }

    private static EventExplanation Generic(RunEvent e, string summary) => new(
        ExplainText.Humanize(e.Type),
        ExplainText.OneLine(summary),
        [Tag("type", e.Type), Tag("actor", e.Actor), Tag("generic", "true")]);

    private static EventTag Tag(string name, string value) => new(name, value);

    /// <summary>What one payload's wording consists of before the common tags are added.</summary>
    private readonly record struct Wording(string Title, string Summary, IEnumerable<EventTag> Tags);
}

/// <summary>One name/value label of an explained event, e.g. <c>tool=send_email</c> or <c>outcome=failure</c>.</summary>
public sealed record EventTag(string Name, string Value)
{
    public override string ToString() => $"{Name}={Value}";
}

/// <summary>An event in plain English: a short title, a one-line summary and labels to filter on.</summary>
/// <param name="Title">A few words, e.g. "Approval required for send_email".</param>
/// <param name="Summary">One line with the who, what and why, e.g. the rule and policy version behind a decision.</param>
/// <param name="Tags">Labels; every explanation carries <c>type</c> and <c>actor</c>.</param>
public sealed record EventExplanation(string Title, string Summary, IReadOnlyList<EventTag> Tags)
{
    /// <summary>The value of the first tag called <paramref name="name"/>, or null.</summary>
    public string? Tag(string name) => Tags.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))?.Value;
}
