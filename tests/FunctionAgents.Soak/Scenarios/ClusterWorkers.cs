using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Up to three local hosts (child processes) on one storage prefix, so one task hub: each a Durable worker with its own
/// FA_DURABLE_WORKER_ID (<c>cluster-&lt;slot&gt;-&lt;generation&gt;</c>, a new one at every restart, so a killed worker's
/// partitions move only once its leases expire). Reads partition ownership from the hub's <c>&lt;hub&gt;Partitions</c>
/// table (DurableTask.AzureStorage 2.x's table partition manager: one row per control queue, CurrentOwner).
/// </summary>
internal sealed class ClusterWorkers : IAsyncDisposable
{
    /// <summary>The lease interval the workers run with: short, so a takeover after a kill is seconds, not half a minute.</summary>
    public const string LeaseInterval = "PT5S";

    private readonly string _connectionString;
    private readonly string _prefix;
    private readonly string _dataPath;
    private readonly LocalHostProcess?[] _hosts;
    private readonly HttpClient?[] _clients;
    private readonly string?[] _workerIds;
    private readonly int[] _generations;
    private readonly TableClient _partitions;
    private int _next;

    public ClusterWorkers(string connectionString, string prefix, string dataPath, int size)
    {
        _connectionString = connectionString;
        _prefix = prefix;
        _dataPath = dataPath;
        _hosts = new LocalHostProcess?[size];
        _clients = new HttpClient?[size];
        _workerIds = new string?[size];
        _generations = new int[size];

        // LocalTaskHubOptions: TaskHubName = <prefix>hub.
        _partitions = new TableClient(connectionString, prefix + "hubPartitions");
    }

    public int Kills { get; private set; }

    public int Size => _hosts.Length;

    public IEnumerable<int> Live => Enumerable.Range(0, _hosts.Length).Where(i => _hosts[i] is not null);

    public string? WorkerId(int slot) => _workerIds[slot];

    public async Task StartAsync(int slot, CancellationToken cancellationToken)
    {
        var workerId = string.Create(CultureInfo.InvariantCulture, $"cluster-{slot}-{++_generations[slot]}");
        var host = await LocalHostProcess.StartAsync(_connectionString, _prefix, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FA_SWEEP_AFTER"] = "PT2S",
            ["FA_DATA_PATH"] = _dataPath,
            ["FA_DURABLE_PARTITION_COUNT"] = "4",
            ["FA_DURABLE_LEASE_INTERVAL"] = LeaseInterval,
            ["FA_DURABLE_WORKER_ID"] = workerId,
        }, cancellationToken);
        _hosts[slot] = host;
        _clients[slot] = host.Client(LocalHostProcess.AlphaKey);
        _workerIds[slot] = workerId;
    }

    /// <summary>SIGKILL of the slot's process tree: no lease release, no flush.</summary>
    public async Task KillAsync(int slot)
    {
        if (_hosts[slot] is not { } host)
        {
            return;
        }

        await host.KillAsync();
        Kills++;
        _clients[slot]?.Dispose();
        _clients[slot] = null;
        await host.DisposeAsync();
        _hosts[slot] = null;
    }

    /// <summary>A client of the next live host, round robin; a caller whose request fails simply asks for the next one.</summary>
    public HttpClient Client()
    {
        for (var i = 0; i < _clients.Length; i++)
        {
            var slot = (int)((uint)Interlocked.Increment(ref _next) % (uint)_clients.Length);
            if (_clients[slot] is { } client)
            {
                return client;
            }
        }

        throw new InvalidOperationException("No host is running.");
    }

    /// <summary>The tail of every live host's output, for failure messages.</summary>
    public string OutputTail() =>
        string.Join(Environment.NewLine, Live.Select(i => $"--- {_workerIds[i]} ---{Environment.NewLine}{_hosts[i]!.OutputTail()}"));

    /// <summary>Each partition (control queue) of the hub and its current owner (empty when none); empty before the hub exists.</summary>
    public async Task<Dictionary<string, string>> OwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in _partitions.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                owners[row.RowKey] = row.GetString("CurrentOwner") ?? string.Empty;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The first worker has not created the hub yet.
        }

        return owners;
    }

    /// <summary>Waits until every live worker owns at least one partition and none is unowned, or the timeout passes; returns the last view.</summary>
    public async Task<Dictionary<string, string>> WaitBalancedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var owners = await OwnersAsync(cancellationToken);
            var live = Live.Select(i => _workerIds[i]!).ToList();
            if ((owners.Count > 0 && owners.Values.All(live.Contains) && live.All(owners.Values.Contains)) || DateTimeOffset.UtcNow > until)
            {
                return owners;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var slot = 0; slot < _hosts.Length; slot++)
        {
            _clients[slot]?.Dispose();
            if (_hosts[slot] is { } host)
            {
                await host.DisposeAsync();
            }
        }
    }
}
