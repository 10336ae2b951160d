using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Responses.Offline;

/// <summary>
/// Collects the paragraphs and sources of an offline answer, one step outcome at a time. Paragraphs come out answer
/// first: facts found in the data, then what the policy says, then what was done, then what failed or did not run.
/// </summary>
internal sealed class AnswerDraft
{
    private const int MaxQuoteLength = 600;
    private const int MaxRowsListed = 5;

    private readonly string _docsRoot;
    private readonly List<string> _facts = [];
    private readonly List<string> _policy = [];
    private readonly List<string> _actions = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _sources = [];

    public AnswerDraft(string docsRoot) => _docsRoot = docsRoot.TrimEnd('/');

    public IReadOnlyList<string> Paragraphs => [.. _facts, .. _policy, .. _actions, .. _problems];

    public IReadOnlyList<string> Sources => _sources;

    public void Add(StepOutcome step)
    {
        switch (step.Status)
        {
            case "executed" when step.Observation is { Success: true } observation:
                AddExecuted(step, observation);
                break;
            case "executed":
                var error = step.Observation?.Error;
                _problems.Add(
                    $"Step {step.StepId} ({step.Tool}) failed: {error?.Code ?? "unknown"}"
                    + (string.IsNullOrWhiteSpace(error?.Message) ? "." : $" - {error.Message}"));
                break;
            case "rejected":
                AddRejected(step);
                break;
            default:
                AddNotRun(step);
                break;
        }
    }

    private void AddExecuted(StepOutcome step, ToolObservation observation)
    {
        AddSource($"step:{step.StepId}");
        var output = observation.Output;
        if (output is not { ValueKind: JsonValueKind.Object })
        {
            _problems.Add($"Step {step.StepId} ({step.Tool}) returned output that was cut to fit its size limit, so it is not summarized here.");
            return;
        }

        switch (step.Tool)
        {
            case "search_docs":
                AddPassages(step, output);
                break;
            case "query_sql":
                AddRows(step, output, observation.Truncated);
                break;
            case "create_ticket":
                var priority = JsonText.Get(output, "priority");
                _actions.Add(
                    $"I opened ticket {JsonText.Get(output, "ticketId") ?? "(no id returned)"}"
                    + (priority is null ? "." : $" with priority {priority}."));
                break;
            case "send_email":
                _actions.Add(
                    $"An email to {JsonText.Get(output, "to") ?? "the customer"} was queued in the outbox "
                    + $"(message {JsonText.Get(output, "messageId") ?? "without id"}); delivery happens separately.");
                break;
            default:
                _actions.Add($"Step {step.StepId} ({step.Tool}) completed: {step.Objective}");
                break;
        }
    }

    private void AddPassages(StepOutcome step, JsonElement? output)
    {
        var results = JsonText.Items(output, "results");
        if (results.Count == 0)
        {
            _policy.Add($"I found no policy passage for this question (step {step.StepId}).");
            return;
        }

        var top = results[0];
        var heading = JsonText.Get(top, "heading") ?? "untitled";
        var cite = Cite(top);
        _policy.Add($"According to \"{heading}\" ({cite}): \"{Quote(JsonText.Get(top, "text") ?? string.Empty)}\"");
        AddSource(cite);

        var related = results.Skip(1).Select(r => (Heading: JsonText.Get(r, "heading") ?? "untitled", Cite: Cite(r))).ToList();
        if (related.Count > 0)
        {
            _policy.Add("Related passages: " + string.Join("; ", related.Select(r => $"\"{r.Heading}\" ({r.Cite})")) + ".");
            foreach (var r in related)
            {
                AddSource(r.Cite);
            }
        }
    }

    private void AddRows(StepOutcome step, JsonElement? output, bool cut)
    {
        var rows = JsonText.Items(output, "rows");
        var capped = cut || JsonText.Get(output, "truncated") == "true";
        if (rows.Count == 0)
        {
            _facts.Add($"The database query (step {step.StepId}) found no matching rows.");
            return;
        }

        if (rows.Count == 1 && JsonText.Get(rows[0], "order_id") is { } orderId && JsonText.Get(rows[0], "status") is not null)
        {
            _facts.Add(OrderFacts(orderId, rows[0]));
            return;
        }

        var listed = string.Join("\n", rows.Take(MaxRowsListed).Select(r => "- " + JsonText.Row(r)));
        var more = rows.Count > MaxRowsListed || capped
            ? $"\n(showing {Math.Min(rows.Count, MaxRowsListed).ToString(CultureInfo.InvariantCulture)} of {rows.Count.ToString(CultureInfo.InvariantCulture)}{(capped ? "+" : string.Empty)} rows)"
            : string.Empty;
        _facts.Add($"The database query (step {step.StepId}) returned {rows.Count.ToString(CultureInfo.InvariantCulture)}{(capped ? "+" : string.Empty)} rows:\n{listed}{more}");
    }

    private static string OrderFacts(string orderId, JsonElement row)
    {
        var first = JsonText.Get(row, "first_name");
        var last = JsonText.Get(row, "last_name");
        var country = JsonText.Get(row, "country");
        var who = first is null ? string.Empty : $" for {first}{(last is null ? string.Empty : " " + last)}{(country is null ? string.Empty : $" ({country})")}";
        var text = $"Order {orderId}{who} has status {JsonText.Get(row, "status")}";
        if (JsonText.Get(row, "delivered_at") is { } delivered)
        {
            text += $"; it was delivered on {JsonText.DateOf(delivered)}";
            if (JsonText.GetInt(row, "days_since_delivery") is { } days)
            {
                text += $" ({days.ToString(CultureInfo.InvariantCulture)} days ago)";
            }
        }

        if (JsonText.Get(row, "refund_window") is { } window)
        {
            text += $" and is {window}";
        }

        text += ".";
        if (JsonText.GetInt(row, "refund_requests") is > 0 and var requests)
        {
            text += $" {requests.ToString(CultureInfo.InvariantCulture)} refund request(s) are already on record for it.";
        }

        return text;
    }

    private void AddRejected(StepOutcome step)
    {
        var reason = string.IsNullOrWhiteSpace(step.Reason) ? "no reason was recorded" : step.Reason;
        var what = step.Tool switch
        {
            "send_email" => "The email to the customer was not sent",
            "create_ticket" => "No ticket was opened",
            _ => $"Step {step.StepId} ({step.Tool}) was not run",
        };
        var why = reason.Contains("approval expired", StringComparison.OrdinalIgnoreCase)
            ? "it needed a human's approval and none came in time"
            : reason.StartsWith("rejected by", StringComparison.OrdinalIgnoreCase)
                ? "a reviewer refused the approval"
                : "policy did not allow it";
        _problems.Add($"{what}: {why} ({reason}).");
    }

    private void AddNotRun(StepOutcome step)
    {
        var reason = string.IsNullOrWhiteSpace(step.Reason) ? "the run stopped before it" : step.Reason;
        _problems.Add(
            reason.Contains("approval", StringComparison.OrdinalIgnoreCase) && step.Tool == "send_email"
                ? $"The email to the customer is waiting for a human's approval ({reason})."
                : $"Step {step.StepId} ({step.Objective.TrimEnd('.')}) did not run: {reason}.");
    }

    private string Cite(JsonElement result) =>
        $"{_docsRoot}/{JsonText.Get(result, "source") ?? "unknown"}#{JsonText.Get(result, "heading") ?? string.Empty}";

    private void AddSource(string source)
    {
        if (!_sources.Contains(source, StringComparer.Ordinal))
        {
            _sources.Add(source);
        }
    }

    /// <summary>The passage as one paragraph, cut at a sentence end when it is long.</summary>
    private static string Quote(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= MaxQuoteLength)
        {
            return flat;
        }

        var end = flat.LastIndexOf(". ", MaxQuoteLength, StringComparison.Ordinal);
        return end > 0 ? flat[..(end + 1)] + " …" : flat[..MaxQuoteLength] + "…";
    }
}
