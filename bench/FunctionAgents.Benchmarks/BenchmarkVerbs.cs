using System.Diagnostics;

namespace FunctionAgents.Benchmarks;

/// <summary>The verbs this tool knows. Add a suite by adding an <see cref="IBenchmarkVerb"/> to <see cref="All"/>.</summary>
internal static class BenchmarkVerbs
{
    /// <summary>Runs every suite with its <see cref="IBenchmarkVerb.SmokeArguments"/>: what CI calls (scripts/bench-smoke.sh).</summary>
    public const string Smoke = "smoke";

    private static readonly IBenchmarkVerb[] All = [new StorageBenchmark(), new RunsBenchmark(), new ReplayBenchmark(), new EvaluatorProfile(), new DurableBenchmark(), new PrivacyBenchmark(), new SigningBenchmark()];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length > 0 && args[0].Equals(Smoke, StringComparison.OrdinalIgnoreCase))
        {
            return await SmokeAsync(output, cancellationToken);
        }

        var verb = args.Length > 0 ? All.FirstOrDefault(v => v.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (verb is null)
        {
            await output.WriteLineAsync("usage: dotnet run -c Release --project bench/FunctionAgents.Benchmarks -- <verb> [--name value ...]");
            foreach (var v in All)
            {
                await output.WriteLineAsync($"  {v.Name,-10} {v.Description}");
            }

            await output.WriteLineAsync($"  {Smoke,-10} Every verb above with tiny counts, one after another (CI's check that none has rotted; asserts nothing about speed).");
            return args.Length == 0 ? 0 : 2;
        }

        return await RunVerbAsync(verb, args.AsSpan(1).ToArray(), output, cancellationToken);
    }

    private static async Task<int> RunVerbAsync(IBenchmarkVerb verb, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            return await verb.RunAsync(BenchmarkArguments.Parse(args), output, cancellationToken);
        }
        catch (FormatException ex)
        {
            await output.WriteLineAsync($"{verb.Name}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Every verb, each in turn; a verb that throws or exits non-zero fails the smoke run, and the rest still run.</summary>
    private static async Task<int> SmokeAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        foreach (var verb in All)
        {
            await output.WriteLineAsync($"smoke: {verb.Name} {string.Join(' ', verb.SmokeArguments)}");
            var started = Stopwatch.GetTimestamp();
            int code;
            try
            {
                code = await RunVerbAsync(verb, [.. verb.SmokeArguments], output, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await output.WriteLineAsync($"smoke: {verb.Name} threw {ex}");
                code = 1;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await output.WriteLineAsync(FormattableString.Invariant($"smoke: {verb.Name} exited {code} after {seconds:F1} s"));
            if (code != 0)
            {
                failed.Add(verb.Name);
            }
        }

        await output.WriteLineAsync(failed.Count == 0
            ? $"smoke: all {All.Length} verbs ran"
            : $"smoke: {failed.Count} of {All.Length} verbs failed: {string.Join(", ", failed)}");
        return failed.Count == 0 ? 0 : 1;
    }
}
