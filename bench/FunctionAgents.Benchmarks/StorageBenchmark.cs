using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Testing;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The journal against the bare SDK on a private in-memory Azurite: 1-event appends against raw
/// <c>TableClient.AddEntityAsync</c> of the same entity, 10-event appends against raw 10-entity
/// <c>SubmitTransactionAsync</c> (Azurite's own batch ceiling), and reads of 1,000-event runs against a raw
/// <c>QueryAsync</c> of the same partition. Write measurements run in interleaved rounds, each on fresh tables of
/// equal history, and report the median round.
/// </summary>
internal sealed partial class StorageBenchmark : IBenchmarkVerb
{
    private const int EventsPerBatch = 10;
    private const int EventsPerReadRun = 1_000;

    public string Name => "storage";

    public IReadOnlyList<string> SmokeArguments => ["--rounds", "1", "--ops", "20", "--batch-ops", "10", "--concurrency", "2", "--warmup", "5", "--read-runs", "2", "--read-passes", "1", "--payload-chars", "50"];

    public string Description =>
        "Table inserts vs journal appends (1 and 10 events) and 1,000-event run reads on a private Azurite. " +
        "Options: --rounds 5 --ops 3000 --batch-ops 600 --concurrency 8 --warmup 500 --read-runs 8 --read-passes 3 --payload-chars 400";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var settings = new Settings(
            arguments.Int("rounds", 5),
            arguments.Int("ops", 3_000),
            arguments.Int("batch-ops", 600),
            arguments.Int("concurrency", 8),
            arguments.Int("warmup", 500),
            arguments.Int("read-runs", 8),
            arguments.Int("read-passes", 3),
            arguments.Int("payload-chars", 400));

        await output.WriteLineAsync("Starting Azurite…");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var counter = new RequestCountingPolicy();
        var options = new StorageClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var context = new Context(
            StorageClientFactory.FromConnectionString(azurite.ConnectionString, options).CreateTableClient(), settings, counter, new CpuMeter(azurite.ProcessId));
        await output.WriteLineAsync(Invariant(
            $"storage: {settings.Rounds} rounds of {settings.Ops:N0} single inserts/appends and {settings.BatchOps:N0} {EventsPerBatch}-event appends, concurrency {settings.Concurrency}, warm-up {settings.Warmup}, payload {settings.PayloadChars} chars, {Environment.ProcessorCount} cores"));

        if (LoadAverage() is { } load)
        {
            await output.WriteLineAsync(Invariant(
                $"load average at start: {load} ({(double.Parse(load.Split(' ')[0], CultureInfo.InvariantCulture) > Environment.ProcessorCount ? "busy machine: expect noisy wall-clock figures" : "quiet")})"));
        }

        var shape = await JournalRowShapeAsync(context, cancellationToken);
        var raw = new List<Result>();
        var rawBatch = new List<Result>();
        var single = new List<Result>();
        var batched = new List<Result>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            raw.Add(await MeasureRawInsertsAsync(context, shape, cancellationToken));
            single.Add(await MeasureAppendsAsync(context, 1, settings.Ops, cancellationToken));
            rawBatch.Add(await MeasureRawTransactionsAsync(context, shape, cancellationToken));
            batched.Add(await MeasureAppendsAsync(context, EventsPerBatch, settings.BatchOps, cancellationToken));
            await output.WriteLineAsync(Invariant(
                $"  round {round}: raw {raw[^1].PerSecond:N0}/s, single {single[^1].PerSecond:N0} events/s, raw batch {rawBatch[^1].PerSecond:N0} entities/s, batched {batched[^1].PerSecond:N0} events/s"));
        }

        var (reads, rawReads) = await MeasureReadsAsync(context, cancellationToken);
        var rawMedian = Median(raw);
        var rawBatchMedian = Median(rawBatch);
        var singleMedian = Median(single);
        var batchedMedian = Median(batched);
        await Report(output, "raw TableClient.AddEntityAsync", rawMedian, "inserts/s");
        await Report(output, "journal append, 1 event per append", singleMedian, "events/s");
        await Report(output, $"raw SubmitTransactionAsync, {EventsPerBatch} per batch", rawBatchMedian, "entities/s");
        await Report(output, $"journal append, {EventsPerBatch} events per append", batchedMedian, "events/s");
        await Report(output, $"raw QueryAsync, {EventsPerReadRun:N0}-row partitions", rawReads, "rows/s");
        await Report(output, $"journal read, {EventsPerReadRun:N0}-event runs", reads, "events/s");

        var singleRatio = singleMedian.PerSecond / rawMedian.PerSecond;
        var batchRatio = batchedMedian.PerSecond / singleMedian.PerSecond;
        var ceilingRatio = rawBatchMedian.PerSecond / rawMedian.PerSecond;
        var readRatio = reads.PerSecond / rawReads.PerSecond;
        await output.WriteLineAsync(Invariant(
            $"ratio single-event append / raw AddEntityAsync: {singleRatio:0.00} (target >= 0.90) {(singleRatio >= 0.9 ? "met" : "MISSED")}"));
        await output.WriteLineAsync(Invariant(
            $"ratio batched / single-event append (events/s): {batchRatio:0.00}; Azurite's ceiling, raw batch / raw insert: {ceilingRatio:0.00}; journal batch / raw batch: {batchedMedian.PerSecond / rawBatchMedian.PerSecond:0.00}"));
        await output.WriteLineAsync(Invariant(
            $"ratio journal read / raw QueryAsync: {readRatio:0.00} (target >= 0.90) {(readRatio >= 0.9 ? "met" : "MISSED")}"));

        // CPU per event barely moves when other processes compete for the cores; wall-clock does.
        var singleClient = CpuRatio(rawMedian.ClientCpu, singleMedian.ClientCpu, rawMedian, singleMedian);
        var singleServer = CpuRatio(rawMedian.ServerCpu, singleMedian.ServerCpu, rawMedian, singleMedian);
        var batchClient = CpuRatio(singleMedian.ClientCpu, batchedMedian.ClientCpu, singleMedian, batchedMedian);
        var batchServer = CpuRatio(singleMedian.ServerCpu, batchedMedian.ServerCpu, singleMedian, batchedMedian);
        await output.WriteLineAsync(Invariant(
            $"events per CPU second, single/raw: client {singleClient:0.00}, Azurite {singleServer:0.00}; batched/single: client {batchClient:0.00}, Azurite {batchServer:0.00}"));
        return 0;
    }

    /// <summary>Appends one event through the journal and reads its row back, so raw inserts use exactly the journal's entity shape.</summary>
    private static async Task<TableEntity> JournalRowShapeAsync(Context context, CancellationToken cancellationToken)
    {
        const string runId = "shape";
        var journal = await NewJournalAsync(context, cancellationToken);
        await journal.AppendAsync(runId, 1, Seal(runId, EventHasher.GenesisHash, 1, context.Settings.PayloadChars), cancellationToken);
        var row = await context.Client.GetEntityAsync(journal.TableName, runId, "0000000001", cancellationToken)
            ?? throw new InvalidOperationException("The journal row written for the shape could not be read back.");
        await context.Client.DeleteTableAsync(journal.TableName, cancellationToken);
        return row;
    }

    private static async Task<Result> MeasureRawInsertsAsync(Context context, TableEntity shape, CancellationToken cancellationToken)
    {
        var table = "BenchRaw" + UniqueLabel();
        await context.Client.CreateTableIfNotExistsAsync(table, cancellationToken);
        TableEntity Row(string prefix, int worker, int index)
        {
            return CopyRow(shape, $"{prefix}-{worker}", index.ToString("D10", CultureInfo.InvariantCulture));
        }

        // The bare SDK, no adapter: what the journal's single append is measured against.
        var sdk = context.Client.Table(table);
        var settings = context.Settings;
        await Measurement.RunAsync(settings.Warmup, settings.Concurrency, (w, i) => sdk.AddEntityAsync(Row("warm", w, i), cancellationToken));
        var result = await context.MeasureAsync(settings.Ops, () => Measurement.RunAsync(
            settings.Ops, settings.Concurrency, (w, i) => sdk.AddEntityAsync(Row("raw", w, i), cancellationToken)));
        await context.Client.DeleteTableAsync(table, cancellationToken);
        return result;
    }

    /// <summary>Each worker appends to its own run, append after append, with events sealed beforehand.</summary>
    private static async Task<Result> MeasureAppendsAsync(Context context, int eventsPerAppend, int appends, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var journal = await NewJournalAsync(context, cancellationToken);
        AppendRun[] Runs(string label, int count) => Enumerable.Range(0, settings.Concurrency)
            .Select(w => new AppendRun($"{label}-{w}", Seal($"{label}-{w}", EventHasher.GenesisHash, count * eventsPerAppend, settings.PayloadChars)))
            .ToArray();

        var warm = Runs("warm", settings.Warmup);
        await Measurement.RunAsync(settings.Warmup, settings.Concurrency, (w, _) => warm[w].AppendNextAsync(journal, eventsPerAppend, cancellationToken));
        var runs = Runs("run", appends);
        var result = await context.MeasureAsync((long)appends * eventsPerAppend, () => Measurement.RunAsync(
            appends, settings.Concurrency, (w, _) => runs[w].AppendNextAsync(journal, eventsPerAppend, cancellationToken)));
        await context.Client.DeleteTableAsync(journal.TableName, cancellationToken);
        return result;
    }

    private static async Task<(Result Journal, Result Raw)> MeasureReadsAsync(Context context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var journal = await NewJournalAsync(context, cancellationToken);
        var runIds = Enumerable.Range(0, settings.ReadRuns).Select(i => $"read-{i}").ToArray();
        foreach (var runId in runIds)
        {
            var events = Seal(runId, EventHasher.GenesisHash, EventsPerReadRun, settings.PayloadChars);
            for (var i = 0; i < events.Count; i += IEventJournal.MaxEventsPerAppend)
            {
                await journal.AppendAsync(runId, i + 1, events.Skip(i).Take(IEventJournal.MaxEventsPerAppend).ToList(), cancellationToken);
            }
        }

        async Task ReadAsync(int index)
        {
            var runId = runIds[index % runIds.Length];
            var count = 0;
            await foreach (var _ in journal.ReadAsync(runId, cancellationToken: cancellationToken))
            {
                count++;
            }

            if (count != EventsPerReadRun)
            {
                throw new InvalidOperationException($"Run {runId} read {count} events, expected {EventsPerReadRun}.");
            }
        }

        var sdk = context.Client.Table(journal.TableName);
        async Task RawReadAsync(int index)
        {
            var runId = runIds[index % runIds.Length];
            var count = 0;
            await foreach (var _ in sdk.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {runId}"), cancellationToken: cancellationToken))
            {
                count++;
            }

            if (count != EventsPerReadRun)
            {
                throw new InvalidOperationException($"Run {runId} had {count} rows, expected {EventsPerReadRun}.");
            }
        }

        await Measurement.RunAsync(runIds.Length, settings.Concurrency, (_, i) => ReadAsync(i));
        await Measurement.RunAsync(runIds.Length, settings.Concurrency, (_, i) => RawReadAsync(i));
        var reads = runIds.Length * settings.ReadPasses;
        var items = (long)reads * EventsPerReadRun;

        // Interleaved passes, journal then raw, so both see the same machine load.
        var journalResults = new List<Result>();
        var rawResults = new List<Result>();
        for (var pass = 0; pass < 3; pass++)
        {
            journalResults.Add(await context.MeasureAsync(items, () => Measurement.RunAsync(reads, settings.Concurrency, (_, i) => ReadAsync(i))));
            rawResults.Add(await context.MeasureAsync(items, () => Measurement.RunAsync(reads, settings.Concurrency, (_, i) => RawReadAsync(i))));
        }

        return (Median(journalResults), Median(rawResults));
    }

    private static async Task<TableEventJournal> NewJournalAsync(Context context, CancellationToken cancellationToken)
    {
        var journal = new TableEventJournal(context.Client, "BenchEvents" + UniqueLabel());
        await journal.CreateTableIfNotExistsAsync(cancellationToken);
        return journal;
    }

    private static IReadOnlyList<RunEvent> Seal(string runId, string prevHash, int count, int payloadChars) =>
        EventSealer.Seal(
            new RunIdentity(runId, "tenant-bench", "corr-bench", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            1,
            prevHash,
            DateTimeOffset.UtcNow,
            Enumerable.Range(0, count).Select(i => new EventDraft(
                Actors.ToolExecutor,
                new ResponseDrafted(new string('x', payloadChars), ["doc-1", "doc-2"], "offline"),
                i == 0 ? null : i)));

    /// <summary>How many more items per CPU second <paramref name="candidate"/> gets than <paramref name="baseline"/>.</summary>
    private static double CpuRatio(TimeSpan baselineCpu, TimeSpan candidateCpu, Result baseline, Result candidate) =>
        (baselineCpu.TotalMilliseconds / baseline.Items) / (candidateCpu.TotalMilliseconds / candidate.Items);

    private static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static Result Median(List<Result> results) => results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2);

    // Every measurement gets fresh tables and runs, so none meets the rows of an earlier one.
    private static string UniqueLabel() => Guid.NewGuid().ToString("N")[..8];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Task Report(TextWriter output, string name, Result result, string unit) =>
        output.WriteLineAsync(Invariant(
            $"{name,-42} {result.PerSecond,10:N0} {unit,-10} ({result.Items:N0} in {result.Elapsed.TotalSeconds:0.00} s, {result.Requests:N0} HTTP requests, CPU per 1,000 items: client {result.ClientCpu.TotalMilliseconds * 1000 / result.Items:N0} ms, Azurite {result.ServerCpu.TotalMilliseconds * 1000 / result.Items:N0} ms)"));

    private sealed record Settings(int Rounds, int Ops, int BatchOps, int Concurrency, int Warmup, int ReadRuns, int ReadPasses, int PayloadChars);

    private sealed record Result(long Items, TimeSpan Elapsed, long Requests, TimeSpan ClientCpu, TimeSpan ServerCpu)
    {
        public double PerSecond => Measurement.PerSecond(Items, Elapsed);
    }

    private sealed record Context(TableStorageClient Client, Settings Settings, RequestCountingPolicy Counter, CpuMeter Cpu)
    {
        public async Task<Result> MeasureAsync(long items, Func<Task<TimeSpan>> measured)
        {
            var requests = Counter.Requests;
            var (client, server) = Cpu.Sample();
            var elapsed = await measured();
            var (clientAfter, serverAfter) = Cpu.Sample();
            return new Result(items, elapsed, Counter.Requests - requests, clientAfter - client, serverAfter - server);
        }
    }

    /// <summary>One worker's run: its sealed events and how far it has appended.</summary>
    private sealed class AppendRun(string runId, IReadOnlyList<RunEvent> events)
    {
        private int _appended;

        public Task AppendNextAsync(TableEventJournal journal, int count, CancellationToken cancellationToken)
        {
            var batch = new RunEvent[count];
            for (var i = 0; i < count; i++)
            {
                batch[i] = events[_appended + i];
            }

            var firstSeq = _appended + 1;
            _appended += count;
            return journal.AppendAsync(runId, firstSeq, batch, cancellationToken);
        }
    }
}
