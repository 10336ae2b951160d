namespace FunctionAgents.Soak;

/// <summary>A reliability guarantee checked at scale; <paramref name="quick"/> scales the counts down for CI.</summary>
internal interface IScenario
{
    string Name { get; }

    Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken);
}
