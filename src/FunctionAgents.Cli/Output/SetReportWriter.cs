using FunctionAgents.Domain.Evaluation.Checks;
using System.Globalization;
using System.Net;
using System.Text;
using FunctionAgents.Domain.Evaluation.Sets;

namespace FunctionAgents.Cli.Output;

/// <summary>
/// An evaluation-set report as a per-evaluator table (text or markdown), and as one self-contained HTML page (inline
/// style, no script, no external resource): per case and per evaluator with reasons, and the judge's model and prompts.
/// </summary>
internal static class SetReportWriter
{
    public static void WriteSummary(TextWriter output, SetReport report, bool markdown)
    {
        var candidate = report.Candidate;
        if (candidate is null)
        {
            TextTable.Write(
                output,
                ["evaluator", "mean", "scored", "not run", "errored", "failing cases"],
                report.Baseline.Evaluators.Select(e => (IReadOnlyList<string>)
                    [e.Evaluator, Mean(e.Mean), Formats.Int(e.Scored), Formats.Int(e.NotRun), Formats.Int(e.Errored), Failing(e.FailedCases)]),
                markdown);
            return;
        }

        TextTable.Write(
            output,
            ["evaluator", "baseline", "candidate", "delta", "dropped", "improved", "p (sign test)", "regression"],
            report.Comparison.Select(c => (IReadOnlyList<string>)
            [
                c.Evaluator, Mean(c.BaselineMean), Mean(c.CandidateMean), c.Delta is { } d ? Formats.Signed(d) : "-",
                Formats.Int(c.Dropped), Formats.Int(c.Improved), c.PValue.ToString("0.####", CultureInfo.InvariantCulture), c.Regression ? "yes" : "no",
            ]),
            markdown);
    }

    public static string Markdown(SetReport report)
    {
        var text = new StringWriter();
        text.WriteLine($"# Evaluation of {report.Set}");
        text.WriteLine();
        text.WriteLine($"{report.Source}, {Formats.Time(report.GeneratedAt)}. {Judge(report)}");
        text.WriteLine();
        WriteSummary(text, report, markdown: true);
        foreach (var side in Sides(report))
        {
            text.WriteLine();
            text.WriteLine($"## {side.Label}: {Describe(side.Configuration)}");
            text.WriteLine();
            TextTable.Write(
                text,
                ["case", "status", "evaluator", "value", "rating", "verdict", "reason"],
                side.Cases.SelectMany(c => c.Errored
                    ? [(IReadOnlyList<string>)[c.CaseId, "errored", "-", "-", "-", "errored", c.Error!]]
                    : c.Metrics.Select(m => (IReadOnlyList<string>)[c.CaseId, c.Status ?? "-", m.Evaluator, Mean(m.Value), m.Rating, Verdict(m), m.Reason.Replace("|", "\\|", StringComparison.Ordinal)])),
                markdown: true);
        }

        return text.ToString();
    }

    public static string Html(SetReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation of ").Append(E(report.Set)).Append("</title><style>")
            .Append("body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0;width:100%}")
            .Append("th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}")
            .Append(".fail{background:#fde8e8}.notrun{color:#666;font-style:italic}.pass{background:#eaf7ea}caption{text-align:left;font-weight:600}")
            .Append("</style></head><body>");
        html.Append("<h1>Evaluation of ").Append(E(report.Set)).Append("</h1><p>").Append(E(report.Source)).Append(", ").Append(E(Formats.Time(report.GeneratedAt)))
            .Append(". ").Append(E(Judge(report))).Append("</p>");
        if (report.Comparison.Count > 0)
        {
            html.Append("<table><caption>Candidate against baseline (exact one-sided sign test, regression at p &lt; 0.05)</caption><tr><th>evaluator</th><th>baseline</th><th>candidate</th><th>delta</th><th>dropped</th><th>improved</th><th>p</th><th>regression</th></tr>");
            foreach (var c in report.Comparison)
            {
                html.Append(c.Regression ? "<tr class=\"fail\">" : "<tr>").Append(Cells(
                    c.Evaluator, Mean(c.BaselineMean), Mean(c.CandidateMean), c.Delta is { } d ? Formats.Signed(d) : "-", Formats.Int(c.Dropped), Formats.Int(c.Improved),
                    c.PValue.ToString("0.####", CultureInfo.InvariantCulture), c.Regression ? "yes" : "no")).Append("</tr>");
            }

            html.Append("</table>");
        }

        foreach (var side in Sides(report))
        {
            html.Append("<h2>").Append(E(side.Label)).Append(": ").Append(E(Describe(side.Configuration))).Append("</h2>");
            html.Append("<table><caption>Evaluators</caption><tr><th>evaluator</th><th>mean</th><th>scored</th><th>not run</th><th>errored</th><th>failing cases</th></tr>");
            foreach (var e in side.Evaluators)
            {
                html.Append(e.FailedCases.Count > 0 ? "<tr class=\"fail\">" : "<tr>")
                    .Append(Cells(e.Evaluator, Mean(e.Mean), Formats.Int(e.Scored), Formats.Int(e.NotRun), Formats.Int(e.Errored), Failing(e.FailedCases))).Append("</tr>");
            }

            html.Append("</table>");
            foreach (var c in side.Cases)
            {
                html.Append("<table id=\"").Append(E(side.Label + "-" + c.CaseId)).Append("\"><caption>").Append(E(c.CaseId)).Append(" · ")
                    .Append(E(c.Errored ? "errored: " + c.Error : $"{c.Status}, run {c.RunId}, tools {string.Join(" > ", c.Tools)}")).Append("</caption>");
                if (c.Answer is { } answer)
                {
                    html.Append("<tr><th>answer</th><td colspan=\"4\">").Append(E(answer).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr>");
                }

                html.Append("<tr><th>evaluator</th><th>value</th><th>rating</th><th>verdict</th><th>reason</th></tr>");
                foreach (var m in c.Metrics)
                {
                    html.Append(m.NotRun ? "<tr class=\"notrun\">" : m.Failed || m.Errored ? "<tr class=\"fail\">" : "<tr class=\"pass\">")
                        .Append(Cells(m.Evaluator, Mean(m.Value), m.Rating, Verdict(m), m.Reason)).Append("</tr>");
                }

                html.Append("</table>");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    private static IEnumerable<SetSide> Sides(SetReport report) => report.Candidate is { } candidate ? [report.Baseline, candidate] : [report.Baseline];

    private static string Judge(SetReport report) => report.Judge is { } judge
        ? $"Judge: {judge.Model} with {string.Join(", ", judge.PromptVersions.Select(p => $"{p.Key} {p.Value}"))}."
        : "No judge model: judged evaluators were not run.";

    private static string Describe(SetConfiguration c) =>
        $"planner {c.Planner}{(c.PromptVersion is { } p ? $" prompt {p}" : string.Empty)}{(c.Model is { } m ? $" model {m}" : string.Empty)}, policy {c.Policy}";

    private static string Verdict(MetricResult m) => m.Errored ? "errored" : m.NotRun ? "not run" : m.Failed ? "fail" : "pass";

    private static string Mean(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";

    private static string Failing(IReadOnlyList<string> cases) => cases.Count == 0 ? "-" : string.Join(", ", cases);

    private static string Cells(params string[] values) => string.Concat(values.Select(v => "<td>" + E(v) + "</td>"));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
