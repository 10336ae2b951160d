using System.Diagnostics;
using System.Globalization;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Testing;
using FunctionAgents.Testing.Stores;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// <c>signing [--checkpoints N] [--runs N] [--storage-runs N]</c>: what signed checkpoints cost. The CPU to sign (and
/// verify) one checkpoint; <c>fa verify</c> with a trust key against chain-only verification over runs in process (no
/// storage: the worst case for the ratio, all crypto and no I/O) and over runs in Azurite (what <c>fa verify</c> does).
/// Each run has 8 events in 4 appends, so 4 signed checkpoints.
/// </summary>
internal sealed class SigningBenchmark : IBenchmarkVerb
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Runs seeded into Azurite at once: the seeding is not what is measured, only the verification after it.</summary>
    private const int SeedParallelism = 16;

    public string Name => "signing";

    public IReadOnlyList<string> SmokeArguments => ["--checkpoints", "50", "--runs", "5", "--storage-runs", "3"];

    public string Description => "signed checkpoints: CPU per signature, verify --trust-key vs chain-only verify (in process and on Azurite)";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var checkpoints = arguments.Int("checkpoints", 20_000);
        var runs = arguments.Int("runs", 10_000);
        var storageRuns = arguments.Int("storage-runs", 10_000);
        using var key = CheckpointSigningKey.FromText("bench", CheckpointSigningKey.NewPem());
        using var trust = new CheckpointTrustSet();
        trust.Add(key.PublicKeyPem, "bench");

        var (sign, verify) = MeasureSignatures(key, trust, checkpoints);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"signing: {checkpoints} checkpoints, ECDSA P-256 (target: sign <= 1 ms CPU each)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  sign    {sign.TotalMilliseconds / checkpoints,8:0.000} ms CPU per checkpoint"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  verify  {verify.TotalMilliseconds / checkpoints,8:0.000} ms CPU per checkpoint"));

        var memory = new InMemoryEventJournal();
        var memoryCheckpoints = new InMemoryChainCheckpoints();
        var signing = new SigningProjection(memoryCheckpoints, key);
        for (var i = 0; i < runs; i++)
        {
            await WriteRunAsync(memory, signing, i, cancellationToken);
        }

        var (chainOnly, signed) = await CompareAsync(new ChainAudit(memory, memoryCheckpoints), new ChainAudit(memory, memoryCheckpoints, trust), runs, cancellationToken);
        await Report(output, $"in process, {runs} runs", runs, chainOnly, signed);

        await output.WriteLineAsync("Starting Azurite…");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var client = StorageClientFactory.FromConnectionString(azurite.ConnectionString).CreateTableClient();
        var journal = new TableEventJournal(client, "benchsig" + Guid.NewGuid().ToString("N")[..8]);
        var stored = new TableChainCheckpoints(client, "benchcp" + Guid.NewGuid().ToString("N")[..8], key);
        await journal.CreateTableIfNotExistsAsync(cancellationToken);
        await stored.CreateTableIfNotExistsAsync(cancellationToken);
        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, storageRuns),
            new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken },
            (i, ct) => new ValueTask(SeedRunAsync(journal, stored, i, ct)));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  seeded {storageRuns} runs into Azurite in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var (storedChainOnly, storedSigned) = await CompareAsync(new ChainAudit(journal, stored), new ChainAudit(journal, stored, trust), storageRuns, cancellationToken);
        await Report(output, $"Azurite, {storageRuns} runs", storageRuns, storedChainOnly, storedSigned);
        return 0;
    }

    private static Task Report(TextWriter output, string where, int runs, TimeSpan chainOnly, TimeSpan signed) =>
        output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"  verify ({where}): chain-only {chainOnly.TotalMilliseconds / runs,8:0.000} ms/run   --trust-key {signed.TotalMilliseconds / runs,8:0.000} ms/run   ({signed / chainOnly:0.00}x; target <= 1.2x)"));

    private static (TimeSpan Sign, TimeSpan Verify) MeasureSignatures(CheckpointSigningKey key, CheckpointTrustSet trust, int count)
    {
        var checkpoints = Enumerable.Range(1, count)
            .Select(i => new ChainCheckpoint("run-" + i.ToString("D6", CultureInfo.InvariantCulture), "tenant-a", i, new string('a', 64), Start.AddSeconds(i)))
            .ToList();
        _ = key.Sign(checkpoints[0]); // warm-up
        var before = Cpu();
        var signed = checkpoints.Select(key.Sign).ToList();
        var sign = Cpu() - before;
        before = Cpu();
        var failures = signed.Count(c => trust.Check(c) is not null);
        var verify = Cpu() - before;
        return failures == 0 ? (sign, verify) : throw new InvalidOperationException($"{failures} signature(s) did not verify.");
    }

    /// <summary>Two passes each, interleaved, keeping the faster of each, so a burst of load on the shared machine hits both sides alike.</summary>
    private static async Task<(TimeSpan ChainOnly, TimeSpan Signed)> CompareAsync(ChainAudit chainOnly, ChainAudit signed, int runs, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, runs)
            .Select(i => new RunSummary("tenant-a", RunId(i), RunStatus.Completed, "Refund order 1042", "c", Start, Start, 8, 0m, "http"))
            .ToList();
        var bestChain = TimeSpan.MaxValue;
        var bestSigned = TimeSpan.MaxValue;
        for (var pass = 0; pass < 2; pass++)
        {
            bestChain = Min(bestChain, await VerifyAllAsync(chainOnly, ids, cancellationToken));
            bestSigned = Min(bestSigned, await VerifyAllAsync(signed, ids, cancellationToken));
        }

        return (bestChain, bestSigned);
    }

    /// <summary>One pass as <c>fa verify</c> makes it: <see cref="ChainAudit.VerifyRunsAsync"/> over the window's runs.</summary>
    private static async Task<TimeSpan> VerifyAllAsync(ChainAudit audit, List<RunSummary> runs, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var wrong = new Check(audit.ChecksSignatures);
        var report = await audit.VerifyRunsAsync(runs, wrong, cancellationToken);
        var elapsed = stopwatch.Elapsed;
        return report.AllValid && report.RunsChecked == runs.Count && wrong.First is null
            ? elapsed
            : throw new InvalidOperationException($"{wrong.First?.RunId ?? report.Broken[0].RunId} did not verify: {wrong.First?.Problem ?? report.Broken[0].Problem}");
    }

    private static async Task WriteRunAsync(InMemoryEventJournal journal, IJournalProjection checkpoints, int index, CancellationToken cancellationToken)
    {
        var identity = Identity(index);
        var seq = 1L;
        var previous = EventHasher.GenesisHash;
        foreach (var drafts in Batches())
        {
            var batch = EventSealer.Seal(identity, seq, previous, Start.AddSeconds(seq), drafts);
            await journal.AppendAsync(identity.RunId, seq, batch, cancellationToken);
            await checkpoints.ProjectAsync(batch, RunState.Empty, cancellationToken);
            seq += batch.Count;
            previous = batch[^1].Hash;
        }
    }

    private static RunIdentity Identity(int index) =>
        new(RunId(index), "tenant-a", "c-" + index.ToString(CultureInfo.InvariantCulture), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    /// <summary>A run's 8 events in its 4 appends.</summary>
    private static EventDraft[][] Batches()
    {
        EventDraft Cost(int n) => new(Actors.ToolExecutor, new CostRecorded("tool", "search_docs", 0.001m, 0.001m * n, null, null), 1);
        return
        [
            [new(Actors.Orchestrator, new RunStarted("Refund order 1042", 5, 1m, Start.AddHours(1), "http", null, null), null), Cost(1)],
            [Cost(2), Cost(3)],
            [Cost(4), Cost(5)],
            [new(Actors.Orchestrator, new ResponseFinalized("Your refund is on its way."), 1), new(Actors.Orchestrator, new RunCompleted(5, 0, 0.005m, null), 7)],
        ];
    }

    /// <summary>
    /// The same rows as <see cref="WriteRunAsync"/> in fewer requests: the run's 8 events in one append (one table
    /// transaction) and its 4 checkpoints, one per original append, written at once.
    /// </summary>
    private static async Task SeedRunAsync(TableEventJournal journal, TableChainCheckpoints checkpoints, int index, CancellationToken cancellationToken)
    {
        var identity = Identity(index);
        var events = EventSealer.Seal(identity, 1, EventHasher.GenesisHash, Start.AddSeconds(1), [.. Batches().SelectMany(b => b)]);
        await journal.AppendAsync(identity.RunId, 1, events, cancellationToken);
        var ends = Batches().Select(b => b.Length).Aggregate(new List<int>(), (acc, n) => { acc.Add((acc.Count == 0 ? 0 : acc[^1]) + n); return acc; });
        await Task.WhenAll(ends.Select(end => checkpoints.ProjectAsync([.. events.Take(end)], RunState.Empty, cancellationToken)));
    }

    private static string RunId(int index) => "run-" + index.ToString("D7", CultureInfo.InvariantCulture);

    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Keeps the first run that is not valid, or (with a trust key) not signed to its end.</summary>
    private sealed class Check(bool signatures) : IProgress<RunVerification>
    {
        public RunVerification? First { get; private set; }

        public void Report(RunVerification value)
        {
            if (First is null && (!value.IsValid || (signatures && value.SignedThroughSeq != value.EventsChecked)))
            {
                First = value;
            }
        }
    }

    /// <summary>The in-memory checkpoint store fed signed checkpoints, as the table store signs its own.</summary>
    private sealed class SigningProjection(InMemoryChainCheckpoints store, CheckpointSigningKey key) : IJournalProjection
    {
        public Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default) =>
            store.WriteAsync(key.Sign(ChainCheckpoint.ForAppend(appended)), cancellationToken);
    }
}
