using FunctionAgents.Soak;
using FunctionAgents.Soak.Scenarios;
using FunctionAgents.Testing;

// The reliability suite: `scripts/soak.sh [--quick]`. Each scenario checks one guarantee at scale against a
// private Azurite and reports a row; the exit code is the number of failed scenarios (0 when every one held).
var quick = args.Contains("--quick", StringComparer.Ordinal);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
IScenario[] scenarios =
[
    new TamperScenario(), new AppendRaceScenario(), new BadInputScenario(),
    new IdempotentStartScenario(), new TenancyScenario(), new InjectionScenario(), new ConsumptionScenario(), new PoisonScenario(),
    new CrashMatrixScenario(),
];

using var cancel = new CancellationTokenSource(quick ? TimeSpan.FromMinutes(9) : TimeSpan.FromMinutes(55));
await using var azurite = await AzuriteProcess.StartAsync(cancel.Token);
var environment = new SoakEnvironment(azurite.ConnectionString, "SoakEvents");
await environment.PrepareAsync(cancel.Token);

var results = new List<ScenarioResult>();
foreach (var scenario in scenarios.Where(s => only is null || s.Name == only))
{
    Console.Error.WriteLine($"soak: {scenario.Name}{(quick ? " (quick)" : string.Empty)}...");
    var started = System.Diagnostics.Stopwatch.StartNew();
    ScenarioResult result;
    try
    {
        result = await scenario.RunAsync(environment, quick, cancel.Token);
    }
    catch (Exception ex)
    {
        result = new ScenarioResult(scenario.Name, 0, 1, started.Elapsed, $"crashed: {ex.GetType().Name}: {ex.Message}");
    }

    results.Add(result);
}

Console.WriteLine(ResultTable.Render(results));
return results.Count(r => !r.Passed);
