using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tests.Runs.Fakes;

namespace FunctionAgents.Runtime.Tests.Evaluation;

/// <summary>One kind of run from the run tests, with the configuration it runs under and how to drive it.</summary>
internal sealed record GoldenScenario(
    string Name,
    string PolicyYaml,
    string Plan,
    Func<FakeTool[]> Tools,
    Func<RunHarness, string, Task> Drive,
    RunOptions? Options = null,
    decimal? BudgetUsd = null,
    int ExpectedRegressionsWhenEmailDenied = 0,
    Func<IPlanner>? Planner = null,
    Func<IResponseBuilder>? Builder = null)
{
    public static string TwoSteps => ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "send_email", "{{steps.s1.output.email}}"));

    public static FakeTool[] DefaultTools() => [new FakeTool("lookup"), new FakeTool("send_email")];

    /// <summary>The configuration the recorded run ran under: replaying with it must reproduce the journal.</summary>
    public ReplayConfiguration Configuration(string? candidatePolicyYaml = null) =>
        new(new FakeCatalog(Tools()), GoldenPolicies.Load(candidatePolicyYaml ?? PolicyYaml));

    /// <summary>Runs the scenario on a fresh harness and returns the run's journal.</summary>
    public async Task<List<Domain.Events.RunEvent>> RecordAsync()
    {
        var tools = Tools();
        var harness = new RunHarness(new ScriptedPlanner(Plan), GoldenPolicies.Load(PolicyYaml), Options, tools);
        var runner = Planner is null && Builder is null
            ? harness.Runner
            : new StepRunner(
                new RunAppender(harness.Journal, harness.Index, harness.Clock),
                new RunActivities(
                    Planner?.Invoke() ?? harness.Planner, Builder?.Invoke() ?? new EchoResponseBuilder(), harness.Catalog, new FakeToolRunner(harness.Catalog), harness.Policy, harness.Clock));
        var runId = await harness.StartAsync(budgetUsd: BudgetUsd, key: $"golden-{Name}");
        await LoopDriver.DriveAsync(runner, harness.Journal, runId, harness.Clock);
        await Drive(harness, runId);
        return await harness.EventsAsync(runId);
    }
}
