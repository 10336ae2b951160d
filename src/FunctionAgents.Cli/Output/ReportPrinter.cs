using FunctionAgents.Domain.Evaluation.Reporting;

namespace FunctionAgents.Cli.Output;

/// <summary>An evaluation report as tables, for a terminal or as Markdown (e.g. a pull request comment).</summary>
internal static class ReportPrinter
{
    private static readonly string[] Headers =
    [
        "group", "runs", "success", "quality", "delta", "violations/100", "cost/success USD", "time to first action", "regressions", "divergent",
    ];

    public static void Write(TextWriter output, EvaluationReport report, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        Heading(output, $"Evaluation {report.EvaluationId}", markdown);
        output.WriteLine($"window {report.From:yyyy-MM-dd}..{report.To:yyyy-MM-dd}, tenant {report.TenantId ?? "all"}, {Mode(report)} replay, policy {Formats.Shorten(report.PolicyVersion, 12)}{(report.CandidatePolicy ? " (candidate)" : string.Empty)}{(report.CandidatePromptVersion is { } p ? $", prompt {p}" : string.Empty)}, scorer {report.StepScorer}");
        output.WriteLine($"{report.RunsScored} run(s) scored, {report.RunsSkipped} skipped; values read baseline -> candidate");
        output.WriteLine();

        var rows = new List<IReadOnlyList<string>>();
        if (report.Overall is { } overall)
        {
            rows.Add(Row("all", overall));
        }

        rows.AddRange(report.Days.Select(g => Row($"day {g.Key}", g)));
        rows.AddRange(report.Routes.Select(g => Row($"route {g.Key}", g)));
        rows.AddRange(report.Models.Select(g => Row($"model {g.Key}", g)));
        rows.AddRange(report.Tenants.Select(g => Row($"tenant {g.Key}", g)));
        TextTable.Write(output, Headers, rows, markdown);

        output.WriteLine();
        Heading(output, "Alerts", markdown);
        if (report.Alerts.Count == 0)
        {
            output.WriteLine("none");
        }

        foreach (var alert in report.Alerts)
        {
            output.WriteLine($"{(markdown ? "- " : string.Empty)}{alert.Severity.ToUpperInvariant()} {alert.Day}: {alert.Message}");
        }

        if (report.Divergences.Count > 0 || report.Regressions.Count > 0)
        {
            output.WriteLine();
            Heading(output, "Divergences and regressions", markdown);
            var details = report.Divergences.Take(20).Select(d => (IReadOnlyList<string>)["diverged", d.RunId, $"Seq {d.Seq}", d.Difference])
                .Concat(report.Regressions.Take(20).Select(r => (IReadOnlyList<string>)["regression", r.RunId, $"step {r.StepId} ({r.Tool})", $"{r.Baseline} -> {r.Candidate}"]));
            TextTable.Write(output, ["kind", "run", "where", "what"], details, markdown);
        }
    }

    private static IReadOnlyList<string> Row(string name, GroupMetrics g) =>
    [
        name,
        Formats.Int(g.Runs),
        $"{Formats.Percent(g.Baseline.SuccessRate)} -> {Formats.Percent(g.Candidate.SuccessRate)}",
        $"{Formats.Number(g.Baseline.MeanQuality)} -> {Formats.Number(g.Candidate.MeanQuality)}",
        Formats.Signed(g.ReplayDelta),
        $"{Formats.Number(g.Baseline.ViolationRatePer100)} -> {Formats.Number(g.Candidate.ViolationRatePer100)}",
        $"{Formats.Usd(g.Baseline.CostPerSuccessfulRunUsd)} -> {Formats.Usd(g.Candidate.CostPerSuccessfulRunUsd)}",
        Formats.Ms(g.Candidate.MeanTimeToFirstActionMs),
        Formats.Int(g.PolicyRegressions),
        Formats.Int(g.DivergentRuns),
    ];

    private static string Mode(EvaluationReport report) => report.Mode == Domain.Evaluation.Replay.ReplayMode.Live ? "live" : "recorded";

    private static void Heading(TextWriter output, string text, bool markdown) => output.WriteLine(markdown ? $"### {text}" : text);
}
