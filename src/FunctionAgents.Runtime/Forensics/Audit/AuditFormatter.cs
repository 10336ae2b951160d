using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Forensics.Explaining;

namespace FunctionAgents.Runtime.Forensics.Audit;

/// <summary>Writes audit entries as they stream in: a JSON array (<c>--format json</c>, the HTTP body) or a Markdown report.</summary>
public static class AuditFormatter
{
    /// <summary>Writes a JSON array of the entries, one indented entry at a time; returns how many were written.</summary>
    public static async Task<int> WriteJsonAsync(TextWriter output, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        await output.WriteAsync('[');
        var count = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await output.WriteAsync(count++ == 0 ? Environment.NewLine : "," + Environment.NewLine);
            await output.WriteAsync(JsonSerializer.Serialize(entry, ForensicsJsonContext.Default.AuditEntry));
        }

        await output.WriteLineAsync((count == 0 ? string.Empty : Environment.NewLine) + "]");
        return count;
    }

    /// <summary>Writes a Markdown report: a heading, one table row per action, and the count; returns how many were written.</summary>
    public static async Task<int> WriteMarkdownAsync(TextWriter output, string title, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        await output.WriteLineAsync($"# {Cell(title)}");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| Time (UTC) | Run | Seq | Actor | Action | Tool | What happened | Justification |");
        await output.WriteLineAsync("|---|---|---:|---|---|---|---|---|");
        var count = 0;
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            count++;
            var time = e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await output.WriteLineAsync(
                $"| {time} | {Cell(e.RunId)} | {e.Seq.ToString(CultureInfo.InvariantCulture)} | {Cell(e.Actor)} | {Cell(e.Action)} | {Cell(e.Tool ?? string.Empty)} | {Cell(e.Summary)} | {Cell(Justify(e.Justification))} |");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"{count.ToString(CultureInfo.InvariantCulture)} action(s).");
        return count;
    }

    /// <summary>The justification in one line: "rules a, b; policy 3f2a…; approved by ana: "ok"; model gpt-4o, prompt plan-v3; reason …".</summary>
    public static string Justify(AuditJustification why)
    {
        ArgumentNullException.ThrowIfNull(why);
        var parts = new List<string>();
        if (why.Rules.Count > 0)
        {
            parts.Add((why.Rules.Count == 1 ? "rule " : "rules ") + string.Join(", ", why.Rules));
        }

        if (why.PolicyVersion is { } version)
        {
            parts.Add("policy " + ExplainText.ShortVersion(version));
        }

        if (why.DecidedBy is { } decidedBy)
        {
            parts.Add("decided by " + decidedBy);
        }

        if (why.Approver is { } approver)
        {
            parts.Add("by " + approver + (why.Comment is { Length: > 0 } comment ? $": \"{ExplainText.Quote(comment)}\"" : string.Empty));
        }

        if (why.Model is { } model)
        {
            parts.Add("model " + model + (why.PromptVersion is { } prompt ? ", prompt " + prompt : string.Empty));
        }

        if (why.Reason is { Length: > 0 } reason)
        {
            parts.Add(ExplainText.OneLine(reason));
        }

        return string.Join("; ", parts);
    }

    private static string Cell(string text) => ExplainText.OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);
}
