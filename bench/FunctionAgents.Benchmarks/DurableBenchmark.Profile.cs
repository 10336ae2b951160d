namespace FunctionAgents.Benchmarks;

internal sealed partial class DurableBenchmark
{
    /// <summary>
    /// Where a repetition's sequential probe runs spent their time. Per activity means over the orchestration's activities
    /// (its steps plus the ReadRun journal read), so it compares with the bare chain's no-op activity.
    /// </summary>
    private sealed record Profile(
        int Runs,
        long Steps,
        long Activities,
        TimeSpan StartWall,
        TimeSpan Inside,
        TimeSpan StorageBusy,
        TimeSpan OurCpu,
        TimeSpan OurAzuriteCpu,
        TimeSpan OurElapsed,
        long BareActivities,
        TimeSpan BareCpu,
        TimeSpan BareAzuriteCpu,
        TimeSpan BareElapsed,
        Dictionary<string, (long Count, TimeSpan Elapsed)> Start,
        Dictionary<string, (long Count, TimeSpan Elapsed)> Step)
    {
        public double OurWallMs => OurElapsed.TotalMilliseconds / Activities;

        public double BareWallMs => BareElapsed.TotalMilliseconds / BareActivities;

        /// <summary>Starting the runs (index, RunStarted, audit, keys), spread over the activities.</summary>
        public double StartMs => StartWall.TotalMilliseconds * Runs / Activities;

        public double InsideMs => Inside.TotalMilliseconds / Activities;

        /// <summary>
        /// Time our storage kept the run waiting while the orchestration ran (inside the step activities, and ReadRun's
        /// journal read): overlapping requests count once.
        /// </summary>
        public double StepStorageMs => StorageBusy.TotalMilliseconds / Activities;

        /// <summary>The sum of those requests' times (overlapping ones each counted): above <see cref="StepStorageMs"/> by what concurrency saved.</summary>
        public double StepStorageSumMs => Step.Values.Sum(v => v.Elapsed.TotalMilliseconds) / Activities;

        public double OurCpuMs => OurCpu.TotalMilliseconds / Activities;

        public double BareCpuMs => BareCpu.TotalMilliseconds / BareActivities;

        public double OurAzuriteCpuMs => OurAzuriteCpu.TotalMilliseconds / Activities;

        public double BareAzuriteCpuMs => BareAzuriteCpu.TotalMilliseconds / BareActivities;
    }

    /// <summary>
    /// The per-activity profile of the sequential probe runs, ours against bare: wall time, what of it is the start, our
    /// step activities (their storage requests and the rest: our code), the engine's own time (the remainder), and CPU.
    /// </summary>
    private static async Task WriteProfileAsync(List<Repetition> results, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("Profile of the sequential probe runs, ms per activity (mean; ours / bare where the bare chain has the part):");
        await output.WriteLineAsync("| Part | " + string.Join(" | ", results.Select((_, i) => $"Run {i + 1}")) + " |");
        await output.WriteLineAsync("|---|" + string.Concat(results.Select(_ => "---|")));
        await Row("wall time per activity (mean, start included), ours / bare", p => $"{p.OurWallMs:F1} / {p.BareWallMs:F1}");
        await Row("  starting the run (index, RunStarted, audit, data key), ours", p => $"{p.StartMs:F1}");
        await Row("  inside our step activities, ours", p => $"{p.InsideMs:F1}");
        await Row("    waiting for our storage requests during the run (overlaps once; ReadRun's read included)", p => $"{p.StepStorageMs:F1}");
        await Row("      the same requests' times summed (what running them one after another would cost)", p => $"{p.StepStorageSumMs:F1}");
        await Row("    our code and the rest inside the activities", p => $"{p.InsideMs - p.StepStorageMs:F1}");
        await Row("  the engine's own time (wall - start - inside), ours / bare", p => $"{p.OurWallMs - p.StartMs - p.InsideMs:F1} / {p.BareWallMs:F1}");
        await Row("CPU of this process per activity, ours / bare", p => $"{p.OurCpuMs:F2} / {p.BareCpuMs:F2}");
        await Row("  our code's CPU per activity (ours - bare)", p => $"{p.OurCpuMs - p.BareCpuMs:F2}");
        await Row("Azurite CPU per activity, ours / bare", p => $"{p.OurAzuriteCpuMs:F2} / {p.BareAzuriteCpuMs:F2}");

        Task Row(string name, Func<Profile, FormattableString> cell) =>
            output.WriteLineAsync($"| {name} | {string.Join(" | ", results.Select(r => Invariant(cell(r.Sequential.Profile))))} |");
    }

    /// <summary>Our storage requests by table and operation, to start a run and per step, over every repetition's probe runs.</summary>
    private static async Task WriteBreakdownAsync(List<Repetition> results, TextWriter output)
    {
        var start = new Dictionary<string, (long Count, TimeSpan Elapsed)>(StringComparer.Ordinal);
        var step = new Dictionary<string, (long Count, TimeSpan Elapsed)>(StringComparer.Ordinal);
        long runs = 0, steps = 0;
        foreach (var r in results)
        {
            RequestCountingPolicy.Accumulate(start, r.Sequential.Profile.Start);
            RequestCountingPolicy.Accumulate(step, r.Sequential.Profile.Step);
            runs += r.Sequential.Profile.Runs;
            steps += r.Sequential.Profile.Steps;
        }

        await Table(Invariant($"our storage requests to start a run, by table and operation ({runs} runs, warm-up excluded):"), start, runs);
        await Table(Invariant($"our storage requests per step, by table and operation ({steps} step activities, ReadRun's journal read included, warm-up excluded):"), step, steps);

        async Task Table(string title, Dictionary<string, (long Count, TimeSpan Elapsed)> categories, long per)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync(title);
            await output.WriteLineAsync("| Table and operation | Requests | ms each (mean) |");
            await output.WriteLineAsync("|---|---|---|");
            foreach (var (category, (count, elapsed)) in categories.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync(Invariant($"| {category} | {(double)count / per:F2} | {elapsed.TotalMilliseconds / count:F1} |"));
            }

            await output.WriteLineAsync(Invariant($"| total | {(double)categories.Values.Sum(v => v.Count) / per:F2} | |"));
        }
    }
}
