namespace FunctionAgents.Benchmarks;

/// <summary>The verbs this tool knows. Add a suite by adding an <see cref="IBenchmarkVerb"/> to <see cref="All"/>.</summary>
internal static class BenchmarkVerbs
{
    private static readonly IBenchmarkVerb[] All = [new StorageBenchmark(), new RunsBenchmark(), new ReplayBenchmark(), new DurableBenchmark(), new PrivacyBenchmark()];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var verb = args.Length > 0 ? All.FirstOrDefault(v => v.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (verb is null)
        {
            await output.WriteLineAsync("usage: dotnet run -c Release --project bench/FunctionAgents.Benchmarks -- <verb> [--name value ...]");
            foreach (var v in All)
            {
                await output.WriteLineAsync($"  {v.Name,-10} {v.Description}");
            }

            return args.Length == 0 ? 0 : 2;
        }

        try
        {
            return await verb.RunAsync(BenchmarkArguments.Parse(args.AsSpan(1)), output, cancellationToken);
        }
        catch (FormatException ex)
        {
            await output.WriteLineAsync($"{verb.Name}: {ex.Message}");
            return 2;
        }
    }
}
