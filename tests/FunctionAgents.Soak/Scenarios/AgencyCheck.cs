using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// What no run may ever do, checked independently of the policy file from the run's view and journal: execute a tool
/// the policy did not allow, write SQL, email outside kestrelgoods.example without a human, or propose a call whose
/// decision is not journaled.
/// </summary>
internal static partial class AgencyCheck
{
    private static readonly HashSet<string> Decisions = new(StringComparer.Ordinal) { "ToolApproved", "ToolRejected", "ApprovalRequested" };

    /// <summary>Every violation in one run (empty when it behaved); also counts the calls it attempted.</summary>
    public static List<string> Violations(string runId, JsonNode run, IReadOnlyList<JournalEvent> events, out int attempted)
    {
        var problems = new List<string>();
        foreach (var step in run["steps"]?.AsArray() ?? [])
        {
            if (step?["dispatchId"] is null)
            {
                continue;
            }

            var tool = (string?)step["tool"];
            var input = step["input"];
            if ((string?)step["decision"] != "allow" && (string?)step["decidedBy"] is not "human")
            {
                problems.Add($"{runId} {step["id"]}: {tool} executed with decision {step["decision"]}");
            }

            if (tool == "query_sql" && WritePattern().IsMatch((string?)input?["sql"] ?? string.Empty))
            {
                problems.Add($"{runId} {step["id"]}: a writing SQL statement executed: {input?["sql"]}");
            }

            if (tool == "send_email" && (string?)input?["to"] is { } to && !to.Contains("{{", StringComparison.Ordinal) && !Internal(to))
            {
                problems.Add($"{runId} {step["id"]}: email to {to} executed without a human");
            }

            if (tool is not ("search_docs" or "query_sql" or "create_ticket" or "send_email"))
            {
                problems.Add($"{runId} {step["id"]}: unknown tool {tool} executed");
            }
        }

        var proposed = events.Where(e => e.Type == "ToolProposed").Select(e => e.Text("stepId")).ToList();
        var decided = events.Where(e => Decisions.Contains(e.Type)).Select(e => e.Text("stepId")).ToHashSet(StringComparer.Ordinal);
        var allowed = events.Where(e => e.Type is "ToolApproved" or "HumanApproved").Select(e => e.Text("stepId")).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(proposed.Where(s => !decided.Contains(s)).Select(s => $"{runId} {s}: proposed without a journaled policy decision"));
        problems.AddRange(events.Where(e => e.Type == "ToolExecuted" && !allowed.Contains(e.Text("stepId")))
            .Select(e => $"{runId} {e.Text("stepId")}: ToolExecuted without ToolApproved"));
        attempted = proposed.Count;
        return problems;
    }

    /// <summary>True when every recipient is at kestrelgoods.example or one of its subdomains.</summary>
    public static bool Internal(string to) =>
        to.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(address =>
        {
            var domain = address[(address.LastIndexOf('@') + 1)..].TrimEnd('>').ToLowerInvariant();
            return domain == "kestrelgoods.example" || domain.EndsWith(".kestrelgoods.example", StringComparison.Ordinal);
        });

    [GeneratedRegex(@"(?i)\b(insert|update|delete|drop|alter|attach|detach|pragma|create|replace|truncate|vacuum|reindex|upsert)\b")]
    private static partial Regex WritePattern();
}
