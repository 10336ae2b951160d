using FunctionAgents.Soak;
using FunctionAgents.Soak.Scenarios;
using FunctionAgents.Testing;

// The reliability suite: `scripts/soak.sh [--quick] [--scale <fraction>] [--only <scenario>[,<scenario>...]]`. Each scenario checks one
// guarantee at scale against a private Azurite and reports a row; the exit code is the number of failed scenarios
// (0 when every one held), or 2 for a usage error (an unknown argument or scenario) or a run that checked nothing.
IScenario[] scenarios =
[
    new TamperScenario(), new AppendRaceScenario(), new BadInputScenario(),
    new IdempotentStartScenario(), new TenancyScenario(), new InjectionScenario(), new ConsumptionScenario(), new PoisonScenario(),
    new CrashMatrixScenario(), new ClusterScenario(),
];

var selection = ScenarioSelection.Parse(args, [.. scenarios.Select(s => s.Name)]);
if (selection.Error is not null)
{
    Console.Error.WriteLine($"soak: {selection.Error}");
    return ScenarioSelection.UsageExitCode;
}

var quick = selection.Quick;
// The whole suite's budget: the quick form (CI) takes about 12 minutes on a loaded 2-core machine, the full one under an hour.
using var cancel = new CancellationTokenSource(quick ? TimeSpan.FromMinutes(20) : TimeSpan.FromMinutes(55));
await using var azurite = await AzuriteProcess.StartAsync(cancel.Token);
var environment = new SoakEnvironment(azurite.ConnectionString, "SoakEvents")
{
    Scale = selection.Scale,
    Diagnostics = SoakDiagnostics.FromEnvironment(LocalHostProcess.RepositoryRoot()),
};
Console.Error.WriteLine($"soak: host logs and run dumps in {environment.Diagnostics.Directory}");
await environment.PrepareAsync(cancel.Token);

var results = new List<ScenarioResult>();
foreach (var scenario in scenarios.Where(s => selection.Names.Contains(s.Name, StringComparer.Ordinal)))
{
    Console.Error.WriteLine($"soak: {scenario.Name}{(quick ? " (quick)" : selection.Scale < 1 ? $" (full counts x {selection.Scale})" : string.Empty)}...");
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
var exitCode = selection.ExitCode(results, out var reason);
if (reason is not null)
{
    Console.Error.WriteLine($"soak: {reason}");
}

return exitCode;
