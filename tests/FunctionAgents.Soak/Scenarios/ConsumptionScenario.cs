using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 6: adversarial runs (a budget-hungry model, looping tools, huge outputs, slow tools, a slow model)
/// stop within their budget, maxSteps and deadline with at most one step of overshoot, each ending as expected with a
/// named reason (the RunFailed code). Limits come from the start request and FA_RUN_DEADLINE on the child host.
/// </summary>
internal sealed partial class ConsumptionScenario : IScenario
{
    /// <summary>The short run deadline of the second host, where the slow cases run.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Slack for polling and a loaded machine on top of the one step a run may overshoot its deadline by.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    public string Name => "consumption";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var docs = Directory.CreateTempSubdirectory("soak-consumption-docs-");
        try
        {
            await WriteDocsAsync(docs.FullName, cancellationToken);
            var repeats = quick ? 1 : environment.Scaled(10);
            var cases = Enumerable.Range(0, repeats).SelectMany(Cases).ToList();
            var problems = new ConcurrentQueue<string>();
            var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            await using var model = new ScriptedModelServer();
            foreach (var c in cases)
            {
                model.Script(c.Tag, c.Script);
            }

            var settings = new Dictionary<string, string>(model.HostSettings) { ["FA_DOCS_PATH"] = docs.FullName };
            var deadlineSettings = new Dictionary<string, string>(settings) { ["FA_RUN_DEADLINE"] = System.Xml.XmlConvert.ToString(Deadline) };
            await using (var host = await LocalHostProcess.StartAsync(environment.ConnectionString, "soakuse", settings, cancellationToken))
            {
                await RunAllAsync(host, cases.Where(c => !c.OnDeadlineHost).ToList(), problems, outcomes, cancellationToken);
            }

            await using (var host = await LocalHostProcess.StartAsync(environment.ConnectionString, "soakdeadline", deadlineSettings, cancellationToken))
            {
                await RunAllAsync(host, cases.Where(c => c.OnDeadlineHost).ToList(), problems, outcomes, cancellationToken);
            }

            foreach (var problem in problems.Take(20))
            {
                Console.Error.WriteLine($"  consumption: {problem}");
            }

            var detail = problems.IsEmpty
                ? $"{cases.Count} adversarial runs, all stopped within limits: {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}"))}"
                : $"{problems.Count} problems, e.g. {string.Join("; ", problems.Take(3))}";
            return new ScenarioResult(Name, cases.Count, problems.Count, started.Elapsed, detail);
        }
        finally
        {
            docs.Delete(recursive: true);
        }
    }

    private static async Task RunAllAsync(
        LocalHostProcess host, List<ConsumptionCase> cases, ConcurrentQueue<string> problems, ConcurrentDictionary<string, int> outcomes, CancellationToken cancellationToken)
    {
        using var client = host.Client(LocalHostProcess.AlphaKey);
        var api = new RunApi(client);
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = cancellationToken }, async (c, ct) =>
        {
            var (runId, _) = await api.StartAsync(ScriptedModelServer.Tagged(c.Tag, c.What), ct, maxSteps: c.MaxSteps, budgetUsd: c.BudgetUsd);
            var run = await api.WaitAsync(runId, TimeSpan.FromSeconds(120), ct);
            var status = (string?)run?["status"];
            if (run is null || status is not ("completed" or "failed" or "cancelled"))
            {
                problems.Enqueue($"{c.Tag} ({c.What}): {runId} did not stop within 120 s ({status})");
                return;
            }

            var code = (string?)run["failure"]?["code"];
            var outcome = status == "failed" ? code ?? "(no code)" : status;
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (outcome != c.Expected)
            {
                problems.Enqueue($"{c.Tag} ({c.What}): {runId} ended {outcome}, expected {c.Expected}: {run["failure"]?["reason"]}");
            }

            foreach (var problem in Overshoot(c, runId, run, await api.EventsAsync(runId, ct)))
            {
                problems.Enqueue($"{c.Tag} ({c.What}): {problem}");
            }
        });
    }

    /// <summary>Steps, budget and deadline each overshot by at most one step; huge outputs capped in the journal.</summary>
    private static IEnumerable<string> Overshoot(ConsumptionCase c, string runId, JsonNode run, List<JournalEvent> events)
    {
        var executed = events.Count(e => e.Type == "ToolExecuted");
        if (executed > c.MaxSteps)
        {
            yield return $"{runId} executed {executed} tools with maxSteps {c.MaxSteps}";
        }

        // After the first charge that took the run past its budget, nothing else may be called.
        var crossed = events.FirstOrDefault(e => e.Type == "CostRecorded" && e.Number("totalCostUsd") > c.BudgetUsd);
        if (crossed is not null && events.Any(e => e.Seq > crossed.Seq && e.Type is "ToolExecuted" or "ModelCalled"))
        {
            yield return $"{runId} kept calling after its cost passed the budget at Seq {crossed.Seq}";
        }

        var largest = events.Where(e => e.Type == "CostRecorded").Select(e => e.Number("costUsd") ?? 0m).DefaultIfEmpty(0m).Max();
        var cost = (decimal?)run["costUsd"] ?? 0m;
        if (cost > c.BudgetUsd + largest)
        {
            yield return $"{runId} cost {cost} USD on a budget of {c.BudgetUsd} (largest single charge {largest})";
        }

        var deadline = DateTimeOffset.Parse((string)run["deadline"]!, CultureInfo.InvariantCulture);
        var finished = DateTimeOffset.Parse((string)run["finishedAt"]!, CultureInfo.InvariantCulture);
        var step = c.Script.Delay > SlowToolTimeout ? c.Script.Delay : SlowToolTimeout;
        if (finished - deadline > step + Slack)
        {
            yield return $"{runId} finished {(finished - deadline).TotalSeconds:F1} s after its deadline (one step is at most {step.TotalSeconds:F0} s)";
        }

        var biggest = events.Max(e => e.Payload.GetRawText().Length);
        if (biggest > 256 * 1024)
        {
            yield return $"{runId} journaled a {biggest}-character payload: a tool output was not capped";
        }
    }
}
