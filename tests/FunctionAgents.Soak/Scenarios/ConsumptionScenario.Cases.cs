using System.Text;

namespace FunctionAgents.Soak.Scenarios;

internal sealed partial class ConsumptionScenario
{
    /// <summary>query_sql's own timeout: the longest one slow tool step may take.</summary>
    private static readonly TimeSpan SlowToolTimeout = Runtime.Tools.Sql.QuerySqlTool.DefaultLimits.Timeout;

    private const string HugeDocWord = "hugedocument";

    private static readonly object Search = new { query = "refund policy", top_k = 3 };

    /// <summary>One round of every adversarial kind; tags carry the round so scripts never collide.</summary>
    private static IEnumerable<ConsumptionCase> Cases(int round)
    {
        string Tag(string kind) => $"use-{kind}-{round}";
        ModelScript Plan(params (string Tool, object Input)[] steps) => new(runId => ModelScript.PlanJson(runId, steps));

        yield return new(Tag("hungry-plan"), "a model that bills 5M prompt tokens for the plan",
            Plan(("search_docs", Search)) with { PromptTokens = 5_000_000 }, MaxSteps: 3, BudgetUsd: 0.05m, Expected: "budget_exceeded");
        yield return new(Tag("hungry-answer"), "a model that bills 5M prompt tokens for the answer",
            Plan(("search_docs", Search)) with { AnswerPromptTokens = 5_000_000 }, MaxSteps: 3, BudgetUsd: 0.05m, Expected: "budget_exceeded");
        yield return new(Tag("tool-budget"), "a plan that leaves less budget than the next tool costs",
            Plan(("search_docs", Search), ("search_docs", Search)) with { PromptTokens = 24_000, CompletionTokens = 100 }, MaxSteps: 3, BudgetUsd: 0.01m, Expected: "budget_exceeded");
        yield return new(Tag("loop-over"), "a 20-step loop on a run of maxSteps 3",
            new ModelScript(runId => ModelScript.PlanJson(runId, Enumerable.Repeat<(string, object)>(("search_docs", Search), 20).ToList())), MaxSteps: 3, BudgetUsd: 0.5m, Expected: "plan_rejected");
        yield return new(Tag("loop-within"), "the same query 20 times on a run of maxSteps 20",
            new ModelScript(runId => ModelScript.PlanJson(runId, Enumerable.Repeat<(string, object)>(("query_sql", new { sql = "SELECT count(*) AS n FROM orders" }), 20).ToList())), MaxSteps: 20, BudgetUsd: 1m, Expected: "completed");
        yield return new(Tag("huge-sql"), "a query returning 200,000 rows of 2,000 characters",
            Plan(("query_sql", new { sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT x, hex(zeroblob(1000)) AS pad FROM c" })), MaxSteps: 3, BudgetUsd: 0.5m, Expected: "completed");
        yield return new(Tag("huge-doc"), "search hits in a 3 MB document",
            Plan(("search_docs", new { query = HugeDocWord, top_k = 10 })), MaxSteps: 3, BudgetUsd: 0.5m, Expected: "completed");
        yield return new(Tag("slow-sql"), "four queries that never end, on a 10 s deadline",
            new ModelScript(runId => ModelScript.PlanJson(runId, Enumerable.Repeat<(string, object)>(("query_sql", new { sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c" }), 4).ToList())),
            MaxSteps: 4, BudgetUsd: 0.5m, Expected: "deadline_exceeded", OnDeadlineHost: true);
        yield return new(Tag("slow-model"), "a model that answers after 14 s, on a 10 s deadline",
            Plan(("search_docs", Search)) with { Delay = TimeSpan.FromSeconds(14) }, MaxSteps: 3, BudgetUsd: 0.5m, Expected: "deadline_exceeded", OnDeadlineHost: true);
    }

    /// <summary>The docs folder: one ordinary page and one 3 MB page of long sections that all match <see cref="HugeDocWord"/>.</summary>
    private static async Task WriteDocsAsync(string folder, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "refund-policy.md"),
            "# Refund policy\n\nUnopened items can be refunded within 30 days; opened items get store credit.\n", cancellationToken);
        var huge = new StringBuilder("# Huge document\n\n");
        for (var section = 0; section < 300; section++)
        {
            huge.Append("## Section ").Append(section).Append("\n\n");
            for (var line = 0; line < 100; line++)
            {
                huge.Append(HugeDocWord).Append(" refund returns shipping warranty payment privacy escalation runbook ").Append(line).Append(". ");
            }

            huge.Append("\n\n");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "huge.md"), huge.ToString(), cancellationToken);
    }
}
