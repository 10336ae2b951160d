using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// <c>privacy [--runs N]</c>: what personal-data protection costs per event, in process (no storage): sealing and
/// appending a customer run with and without field encryption, reading it back revealed or raw, the key-store calls
/// each costs (each is one storage request with the Table key store) and how much the payloads grow.
/// </summary>
internal sealed class PrivacyBenchmark : IBenchmarkVerb
{
    public string Name => "privacy";

    public IReadOnlyList<string> SmokeArguments => ["--runs", "5"];

    public string Description => "field encryption cost per event: write and read, with and without protection (in process), and key-store calls behind the data-key cache. Options: --runs 2000 --cache on|off";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = arguments.Int("runs", 2000);

        // The hosts' data-key cache (FA_DATA_KEY_CACHE_TTL, default 30 s); --cache off shows the calls without it.
        var cacheSeconds = arguments.Switch("cache", fallback: true) ? 30 : 0;
        await WriteAllAsync(new InMemoryEventJournal(), null, 200, cancellationToken); // warm-up
        var plain = new InMemoryEventJournal();
        var keys = new CountingKeyStore();
        var storedUnderProtection = new InMemoryEventJournal();
        var protecting = new PersonalDataJournal(storedUnderProtection, new CachingDataKeyStore(keys, TimeSpan.FromSeconds(cacheSeconds), TimeProvider.System));

        var plainWrite = await WriteAllAsync(plain, null, runs, cancellationToken);
        var protectedWrite = await WriteAllAsync(protecting, protecting, runs, cancellationToken);
        var writeCalls = keys.Calls;
        var plainRead = await ReadAllAsync(plain, runs, cancellationToken);
        var protectedRead = await ReadAllAsync(protecting, runs, cancellationToken);
        var readCalls = keys.Calls - writeCalls;

        var events = runs * 5;
        var plainBytes = await PayloadBytesAsync(plain, runs);
        var storedBytes = await PayloadBytesAsync(storedUnderProtection, runs);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"privacy: {runs} runs, {events} events (2 batches per run, 11 encrypted fields per run), data-key cache {cacheSeconds} s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  write (seal + append)          plain {Micro(plainWrite, events),8:0.0} us/event   protected {Micro(protectedWrite, events),8:0.0} us/event   ({protectedWrite / plainWrite:0.00}x)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  read (fold the run)            plain {Micro(plainRead, events),8:0.0} us/event   revealed  {Micro(protectedRead, events),8:0.0} us/event   ({protectedRead / plainRead:0.00}x)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  key-store calls                write {writeCalls / (double)(runs * 2):0.00} per batch   read {readCalls / (double)runs:0.00} per run read"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  payload bytes                  plain {plainBytes / (double)events:0} per event   stored {storedBytes / (double)events:0} per event   ({storedBytes / (double)plainBytes:0.00}x)"));
        return 0;
    }

    private static double Micro(TimeSpan elapsed, int events) => elapsed.TotalMicroseconds / events;

    private static async Task<TimeSpan> WriteAllAsync(IEventJournal journal, PersonalDataJournal? protecting, int runs, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var runId = "run-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var start = Start(runId, i);
            var first = protecting is null ? start : (await protecting.ProtectAsync(start, cancellationToken)).Stored;
            await journal.AppendAsync(runId, 1, first, cancellationToken);
            var rest = Rest(runId, i, first[0].Hash);
            var second = protecting is null ? rest : (await protecting.ProtectAsync(rest, cancellationToken)).Stored;
            await journal.AppendAsync(runId, 2, second, cancellationToken);
        }

        return stopwatch.Elapsed;
    }

    private static async Task<TimeSpan> ReadAllAsync(IEventJournal journal, int runs, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var state = await RunReader.LoadAsync(journal, "run-" + i.ToString("D6", CultureInfo.InvariantCulture), cancellationToken);
            if (state.Response is null)
            {
                throw new InvalidOperationException("the run did not fold to an answer");
            }
        }

        return stopwatch.Elapsed;
    }

    private static async Task<long> PayloadBytesAsync(InMemoryEventJournal journal, int runs)
    {
        long bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            await foreach (var e in journal.ReadAsync("run-" + i.ToString("D6", CultureInfo.InvariantCulture)))
            {
                bytes += e.Payload.Length;
            }
        }

        return bytes;
    }

    private static RunIdentity Identity(string runId) => new(runId, "tenant-a", runId, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    private static IReadOnlyList<RunEvent> Start(string runId, int customer) =>
        EventSealer.Seal(Identity(runId), 1, EventHasher.GenesisHash, DateTimeOffset.UnixEpoch, [new EventDraft(Actors.Orchestrator, new RunStarted($"Where is the order of customer{customer % 500}@example.de?", 5, 1m, DateTimeOffset.UnixEpoch.AddHours(1), "http", null, null), null)]);

    private static IReadOnlyList<RunEvent> Rest(string runId, int customer, string prevHash)
    {
        var email = $"customer{customer % 500}@example.de";
        var input = JsonDocument.Parse($$"""{"sql":"SELECT name, phone FROM customers WHERE email = '{{email}}'"}""").RootElement.Clone();
        var output = JsonDocument.Parse($$"""{"rows":[{"name":"Anna Schmidt","email":"{{email}}","phone":"+49 151 2345 6789","city":"Leipzig"}]}""").RootElement.Clone();
        var plan = new AgentPlan(runId, $"order of {email}", 5, 1m, [new PlanStep("s1", $"look up {email}", "query_sql", input, "found")], ["done"]);
        return EventSealer.Seal(Identity(runId), 2, prevHash, DateTimeOffset.UnixEpoch.AddSeconds(1),
        [
            new EventDraft(Actors.Planner, new PlanGenerated(plan, "offline", null), 1),
            new EventDraft(Actors.ToolExecutor, new ToolExecuted("s1", "query_sql", runId + ":3", input), 2),
            new EventDraft(Actors.ToolExecutor, new ObservationCaptured("s1", "query_sql", runId + ":3", new ToolObservation(true, output, null, 3, false)), 3),
            new EventDraft(Actors.Orchestrator, new ResponseFinalized($"Anna Schmidt, your order ships tomorrow; we will write to {email}."), 4),
        ]);
    }

    /// <summary>The in-memory key store, counting calls (each would be one storage request, a create two or three).</summary>
    private sealed class CountingKeyStore : IDataKeyStore
    {
        private readonly InMemoryDataKeyStore _inner = new();
        private int _calls;

        public int Calls => _calls;

        public Task<DataKeyLookup> GetOrCreateRunKeyAsync(
            string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return _inner.GetOrCreateRunKeyAsync(tenantId, runId, subjectIds, cancellationToken);
        }

        public Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return _inner.FindAsync(tenantId, keyId, cancellationToken);
        }

        public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            _inner.DestroyAsync(tenantId, subjectId, cancellationToken);

        public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
        {
            if (subjectIds.Count > 0)
            {
                Interlocked.Increment(ref _calls); // one transaction
            }

            return _inner.LinkAsync(tenantId, runId, keyId, subjectIds, cancellationToken);
        }

        public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            _inner.FindRunsAsync(tenantId, subjectId, cancellationToken);
    }
}
