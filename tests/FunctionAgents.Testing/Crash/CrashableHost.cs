namespace FunctionAgents.Testing.Crash;

/// <summary>
/// One local host at a time on a fixed storage prefix, killed (kill -9 of its process tree) and started again on demand,
/// as an operator's supervisor would. Azurite is the caller's and is never killed.
/// </summary>
public sealed class CrashableHost : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _prefix;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private LocalHostProcess? _host;
    private HttpClient? _client;
    private string _lastOutput = string.Empty;

    private readonly string? _logFile;

    /// <param name="logFile">When not null, every start of the host appends all its output lines to this file.</param>
    public CrashableHost(string connectionString, string prefix, IReadOnlyDictionary<string, string> environment, string? logFile = null)
    {
        _connectionString = connectionString;
        _prefix = prefix;
        _logFile = logFile;

        // One host at a time on one machine: a stable worker id lets each restart take its partitions back at once,
        // as FA_DURABLE_WORKER_ID is documented for supervised single-machine restarts.
        _environment = new Dictionary<string, string>(environment) { ["FA_DURABLE_WORKER_ID"] = environment.GetValueOrDefault("FA_DURABLE_WORKER_ID") ?? prefix + "-worker" };
    }

    /// <summary>A client (tenant alpha) for the host running now; replaced at every restart.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>The file every start of the host appends its output to, or null.</summary>
    public string? LogFile => _logFile;

    /// <summary>How many times the host was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>The last lines the current (or last) host wrote, for failure messages.</summary>
    public string OutputTail() => _host?.OutputTail() ?? _lastOutput;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            throw new InvalidOperationException("The host is already running.");
        }

        _host = await LocalHostProcess.StartAsync(_connectionString, _prefix, _environment, _logFile, cancellationToken);
        _client = _host.Client(LocalHostProcess.AlphaKey);
    }

    /// <summary>Kills the running host at once (no graceful shutdown) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_host is null)
        {
            return;
        }

        await _host.KillAsync();
        Kills++;
        _lastOutput = _host.OutputTail();
        _client?.Dispose();
        _client = null;
        await _host.DisposeAsync();
        _host = null;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
