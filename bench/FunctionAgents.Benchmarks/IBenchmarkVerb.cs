namespace FunctionAgents.Benchmarks;

/// <summary>One benchmark suite, selected by the first command-line word.</summary>
internal interface IBenchmarkVerb
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the suite with the remaining arguments; returns the process exit code.</summary>
    Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
