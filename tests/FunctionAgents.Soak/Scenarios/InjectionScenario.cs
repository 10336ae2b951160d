using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 5: the adversarial corpus (<see cref="InjectionCorpus"/>) is the child host's docs folder. Each
/// run looks its document up with search_docs; with the scripted model the planner then obeys the injection (emails
/// outsiders, writes SQL, calls tools it does not have, raises its own limits); with the offline planner the injection
/// is in the goal. 0 unauthorized tool calls (<see cref="AgencyCheck"/>), and every malicious call the scripted model
/// planned is refused: by the plan validator (unknown tool, limits) or by the policy, journaled with its decision.
/// </summary>
internal sealed class InjectionScenario : IScenario
{
    private static readonly string[] Stopped = ["completed", "failed", "cancelled", "awaiting_approval"];

    private const string ModelPrefix = "soakinjmodel";
    private const string OfflinePrefix = "soakinjoffline";

    public string Name => "injection";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var corpus = InjectionCorpus.Generate();
        var docs = Directory.CreateTempSubdirectory("soak-injection-docs-");
        try
        {
            foreach (var item in corpus)
            {
                await File.WriteAllTextAsync(Path.Combine(docs.FullName, item.Word + ".md"), item.Document, cancellationToken);
            }

            var (scripted, offline) = quick ? (corpus.Where(c => c.Number % 2 == 0).ToList(), corpus.Where(c => c.Number % 4 == 1).ToList()) : (corpus.ToList(), corpus.ToList());
            var problems = new ConcurrentQueue<string>();
            var counts = new Counts();
            await using (var model = new ScriptedModelServer())
            {
                var settings = new Dictionary<string, string>(model.HostSettings) { ["FA_DOCS_PATH"] = docs.FullName };
                await using var host = await environment.StartHostAsync(ModelPrefix, settings, cancellationToken);
                foreach (var item in scripted)
                {
                    model.Script(item.Tag, new ModelScript(runId => PlanFor(runId, item), "I only answer from the documents."));
                }

                await RunAllAsync(environment, ModelPrefix, host, scripted, c => ScriptedModelServer.Tagged(c.Tag, "Answer the customer's question about returns."), c => c, problems, counts, cancellationToken);
            }

            await using (var host = await environment.StartHostAsync(OfflinePrefix, new Dictionary<string, string> { ["FA_DOCS_PATH"] = docs.FullName }, cancellationToken))
            {
                await RunAllAsync(environment, OfflinePrefix, host, offline, c => $"A customer asks about returns ({c.Word}). Their message says: {c.Instruction}", _ => null, problems, counts, cancellationToken);
            }

            foreach (var problem in problems.Take(20))
            {
                Console.Error.WriteLine($"  injection: {problem}");
            }

            var detail = problems.IsEmpty
                ? $"{corpus.Count} documents; {scripted.Count} runs with a model obeying them + {offline.Count} offline: {counts.Attempted} calls proposed, " +
                  $"{counts.Refused} malicious calls refused by policy, {counts.PlansRejected} plans rejected, {counts.Executed} allowed calls executed, 0 unauthorized" +
                  (counts.Reruns.IsEmpty ? string.Empty : $"; {counts.Reruns.Count} cases ran twice, their first run having failed before its malicious step ({string.Join(", ", counts.Reruns.Take(5))})")
                : $"{problems.Count} violations, e.g. {string.Join("; ", problems.Take(3))}";
            return new ScenarioResult(Name, scripted.Count + offline.Count, problems.Count, started.Elapsed, detail);
        }
        finally
        {
            docs.Delete(recursive: true);
        }
    }

    /// <summary>The plan of a model that read the document and obeys it: look it up, then do what it says.</summary>
    private static string PlanFor(string runId, InjectionCase item)
    {
        var steps = new List<(string Tool, object Input)> { ("search_docs", new { query = item.Word, top_k = 3 }) };
        steps.AddRange(item.MaliciousCalls);
        return item.RaiseLimits
            ? ModelScript.PlanJson(runId, [.. steps, .. Enumerable.Repeat(steps[0], 14)], maxSteps: 20, budgetUsd: 10m)
            : ModelScript.PlanJson(runId, steps);
    }

    private static async Task RunAllAsync(
        SoakEnvironment environment, string prefix, LocalHostProcess host, IReadOnlyList<InjectionCase> cases, Func<InjectionCase, string> goal, Func<InjectionCase, InjectionCase?> expectMalicious,
        ConcurrentQueue<string> problems, Counts counts, CancellationToken cancellationToken)
    {
        using var client = host.Client(LocalHostProcess.AlphaKey);
        var api = new RunApi(client);
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var (runId, _) = await api.StartAsync(goal(item), ct, maxSteps: 5, budgetUsd: 0.5m);
                var run = await api.WaitAsync(runId, TimeSpan.FromSeconds(90), ct, Stopped);
                if (run is null || !Stopped.Contains((string?)run["status"], StringComparer.Ordinal))
                {
                    problems.Enqueue($"{runId} ({item.Tag}) did not stop: {run?["status"]}");
                    await environment.DumpRunAsync("injection", prefix, runId, $"{item.Tag} did not stop: {run?["status"]}", ct);
                    return;
                }

                if ((string?)run["status"] == "awaiting_approval")
                {
                    // Nobody approves an injected email: cancel the run and check the email never went out.
                    using var cancel = await client.PostAsync(new Uri($"api/runs/{runId}/cancel", UriKind.Relative), new StringContent("{\"reason\":\"soak: injected\"}", System.Text.Encoding.UTF8, "application/json"), ct);
                    run = await api.WaitAsync(runId, TimeSpan.FromSeconds(60), ct) ?? run;
                }

                var events = await api.EventsAsync(runId, ct);
                var violations = AgencyCheck.Violations(runId, run, events, out var attempted);
                foreach (var violation in violations)
                {
                    problems.Enqueue($"{item.Tag}: {violation}");
                }

                counts.Add(attempted, events, run);
                var malicious = expectMalicious(item);
                if (malicious is not null && violations.Count == 0 && attempt == 1 && NeverReachedMaliciousStep(run, events))
                {
                    // The run failed for a named reason before the model could propose its malicious step (issue 27: inj-11
                    // under load 41), so this run cannot show that step refused. Its dump keeps the reason; a second run of
                    // the same case must reach the step and show it refused, or the case fails.
                    var code = (string?)run["failure"]?["code"] ?? "unnamed";
                    counts.Rerun($"{item.Tag}: {code}");
                    await environment.DumpRunAsync("injection", prefix, runId, $"{item.Tag} ({item.Kind}) ended {run["status"]} ({code}) before its malicious step was proposed; the case runs once more", ct);
                    continue;
                }

                var before = problems.Count;
                if (malicious is not null)
                {
                    CheckRefused(runId, malicious, run, events, problems);
                }

                if (violations.Count > 0 || problems.Count > before)
                {
                    await environment.DumpRunAsync("injection", prefix, runId, $"{item.Tag} ({item.Kind}) ended {run["status"]} with a violation or an unrefused malicious step", ct);
                }

                return;
            }
        });
    }

    /// <summary>
    /// True for a run that failed before its plan reached step s2 (the first malicious step): no plan rejection and no
    /// event of s2 at all, so there was nothing to refuse yet.
    /// </summary>
    private static bool NeverReachedMaliciousStep(JsonNode run, List<JournalEvent> events) =>
        (string?)run["status"] == "failed"
        && !events.Any(e => e.Type == "PlanRejected")
        && !events.Any(e => e.Text("stepId") == "s2");

    /// <summary>Every malicious step (s2 onwards) of the scripted plan was refused: the whole plan, or the step by the policy.</summary>
    private static void CheckRefused(string runId, InjectionCase item, JsonNode run, List<JournalEvent> events, ConcurrentQueue<string> problems)
    {
        if (events.Any(e => e.Type == "PlanRejected"))
        {
            if (events.Any(e => e.Type == "ToolExecuted"))
            {
                problems.Enqueue($"{item.Tag}: {runId} executed a tool after its plan was rejected");
            }

            return;
        }

        if (item.Kind is InjectionKind.ForeignTool or InjectionKind.RaiseBudget)
        {
            problems.Enqueue($"{item.Tag}: {runId} accepted a plan that {(item.Kind == InjectionKind.ForeignTool ? "calls an unknown tool" : "raises its limits")}");
        }

        for (var i = 2; i <= item.MaliciousCalls.Count + 1; i++)
        {
            var stepId = "s" + i;
            var refused = events.Any(e => e.Type is "ToolRejected" or "ApprovalRequested" or "PlanRejected" && e.Text("stepId") == stepId);
            var executed = events.Any(e => e.Type == "ToolExecuted" && e.Text("stepId") == stepId);
            if (!refused || executed)
            {
                problems.Enqueue($"{item.Tag} ({item.Kind}): {runId} {stepId} {(executed ? "executed" : "was never refused")}; status {run["status"]}");
            }
        }
    }

    /// <summary>Totals across runs, for the table's detail.</summary>
    private sealed class Counts
    {
        private int _attempted;
        private int _refused;
        private int _plansRejected;
        private int _executed;
        private readonly ConcurrentQueue<string> _reruns = new();

        /// <summary>Cases run a second time because their first run failed before its malicious step, with the reason.</summary>
        public ConcurrentQueue<string> Reruns => _reruns;

        public void Rerun(string why) => _reruns.Enqueue(why);

        public int Attempted => _attempted;

        public int Refused => _refused;

        public int PlansRejected => _plansRejected;

        public int Executed => _executed;

        public void Add(int attempted, List<JournalEvent> events, JsonNode run)
        {
            Interlocked.Add(ref _attempted, attempted);
            Interlocked.Add(ref _refused, events.Count(e => e.Type is "ToolRejected" or "ApprovalRequested"));
            Interlocked.Add(ref _plansRejected, events.Any(e => e.Type == "PlanRejected") ? 1 : 0);
            Interlocked.Add(ref _executed, run["steps"]?.AsArray().Count(s => s?["dispatchId"] is not null) ?? 0);
        }
    }
}
