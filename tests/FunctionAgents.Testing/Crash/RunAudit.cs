using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionAgents.Testing.Crash;

/// <summary>
/// Everything a crash must not break, checked on one finished run from outside the host: the journal table (Seqs
/// 1..n with no gap, one RunStarted, one terminal event and it is the last, no step event written twice), the API
/// (status, chain verification) and the side-effect tables (exactly one ticket or email per dispatched keyed step).
/// </summary>
public static partial class RunAudit
{
    private static readonly string[] Terminal = ["RunCompleted", "RunFailed", "RunCancelled"];

    // The local hub's message visibility timeout (20 s) plus time for the redelivered activity to run.
    private static readonly TimeSpan CoverageCatchUp = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CoveragePoll = TimeSpan.FromSeconds(2);

    // Events a step writes once; the same type for the same step twice means a crash made the engine redo it.
    private static readonly string[] OncePerStep =
        ["ToolProposed", "ToolApproved", "ToolRejected", "ApprovalRequested", "HumanApproved", "HumanRejected", "ApprovalExpired", "ToolExecuted", "ObservationCaptured"];

    /// <summary>Returns the problems found (empty when the run is intact) and what was counted.</summary>
    public static async Task<RunAuditResult> CheckAsync(
        string runId, string expectedStatus, JournalTable journal, SideEffectTables effects, HttpClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(effects);
        var problems = new List<string>();
        var rows = await journal.ReadAsync(runId, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Seq != i + 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Seq {i + 1} missing: row {i + 1} has Seq {rows[i].Seq}"));
                break;
            }
        }

        if (rows.Count == 0 || rows[0].EventType != "RunStarted" || rows.Count(r => r.EventType == "RunStarted") != 1)
        {
            problems.Add("the journal does not start with exactly one RunStarted");
        }

        var terminal = rows.Where(r => Terminal.Contains(r.EventType)).ToList();
        if (terminal.Count != 1 || rows.Count == 0 || !ReferenceEquals(terminal[0], rows[^1]))
        {
            problems.Add($"expected one terminal event as the last event, found {terminal.Count} ({string.Join(", ", terminal.Select(t => t.Seq))})");
        }

        foreach (var repeated in rows.Where(r => OncePerStep.Contains(r.EventType))
                     .GroupBy(r => (r.EventType, Step: StepId(r.Payload)))
                     .Where(g => g.Count() > 1))
        {
            problems.Add($"{repeated.Key.EventType} for step {repeated.Key.Step} written {repeated.Count()} times (Seqs {string.Join(", ", repeated.Select(r => r.Seq))})");
        }

        var status = await RunApi.GetAsync(client, runId, cancellationToken);
        if (status.Status != expectedStatus)
        {
            problems.Add($"status {status.Status} (failure {status.FailureCode ?? "none"}), expected {expectedStatus}");
        }

        // A kill between a batch's append and its projections leaves that batch's signed checkpoint to the activity's
        // redelivery (StepRunner feeds the projections again), which the engine makes after its message visibility
        // timeout: an uncovered tail gets that long to be covered; any other break fails at once.
        var broken = await RunApi.VerifyAsync(client, runId, rows.Count, cancellationToken);
        for (var waited = TimeSpan.Zero; broken is not null && broken.Contains("not covered by a signed checkpoint", StringComparison.Ordinal) && waited < CoverageCatchUp; waited += CoveragePoll)
        {
            await Task.Delay(CoveragePoll, cancellationToken);
            broken = await RunApi.VerifyAsync(client, runId, rows.Count, cancellationToken);
        }

        if (broken is not null)
        {
            problems.Add(broken);
        }

        var tickets = CheckSideEffects(rows, "create_ticket", await effects.TicketDispatchesAsync(runId, cancellationToken), problems);
        var emails = CheckSideEffects(rows, "send_email", await effects.EmailDispatchesAsync(runId, cancellationToken), problems);
        return new RunAuditResult(runId, rows.Count, status.Status, tickets, emails, problems);
    }

    private static int CheckSideEffects(IReadOnlyList<JournalRow> rows, string tool, IReadOnlyList<string> stored, List<string> problems)
    {
        // A keyed step's side effect is keyed by the dispatch id its ToolExecuted records: one row per dispatch, and no
        // row for a dispatch the journal does not record (a redone step would dispatch again under a new Seq).
        var dispatched = rows.Where(r => r.EventType == "ToolExecuted" && Field(r.Payload, "tool") == tool)
            .Select(r => Field(r.Payload, "dispatchId") ?? string.Empty).ToList();
        if (stored.Count != dispatched.Count || !stored.Order(StringComparer.Ordinal).SequenceEqual(dispatched.Order(StringComparer.Ordinal)))
        {
            problems.Add($"{tool}: journal dispatched [{string.Join(", ", dispatched)}], storage holds [{string.Join(", ", stored)}]");
        }

        return stored.Count;
    }

    private static string StepId(string payload) => Field(payload, "stepId") ?? "?";

    // The payload's first chunk may be cut (long observations continue in Payload_1), so read plain fields by pattern.
    private static string? Field(string payload, string name)
    {
        var match = FieldPattern().Match(payload);
        for (; match.Success; match = match.NextMatch())
        {
            if (match.Groups["name"].Value == name)
            {
                return match.Groups["value"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex("\"(?<name>[A-Za-z]+)\"\\s*:\\s*\"(?<value>[^\"\\\\]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();
}
