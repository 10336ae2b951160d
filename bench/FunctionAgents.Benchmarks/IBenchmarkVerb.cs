namespace FunctionAgents.Benchmarks;

/// <summary>One benchmark suite, selected by the first command-line word.</summary>
internal interface IBenchmarkVerb
{
    string Name { get; }

    string Description { get; }

    /// <summary>
    /// The smallest arguments that still run every phase of the suite: the <c>smoke</c> verb runs each suite with them in
    /// CI, so a suite that no longer starts fails the build instead of rotting unnoticed. They assert nothing about speed.
    /// </summary>
    IReadOnlyList<string> SmokeArguments { get; }

    /// <summary>Runs the suite with the remaining arguments; returns the process exit code.</summary>
    Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
