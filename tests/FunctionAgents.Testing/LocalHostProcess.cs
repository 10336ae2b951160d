using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FunctionAgents.Testing;

/// <summary>
/// The real local host (the built src/FunctionAgents.Host) as a child process on a test's Azurite, configured only by
/// environment variables as a user would configure it. Tests drive it over HTTP as a black box and may kill it from
/// outside (<see cref="KillAsync"/>: kill -9 of the whole process tree) to prove a crash loses nothing.
/// </summary>
/// <remarks>
/// The host must be built first in the caller's configuration (Release or Debug, taken from the caller's own output
/// folder, Release when that says neither): test projects reference src/FunctionAgents.Host with
/// <c>ReferenceOutputAssembly="false"</c> so that a build builds it. Azurite is never part of the killed tree: the
/// caller starts it (<see cref="AzuriteProcess"/>) and passes its connection string.
/// </remarks>
public sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>API key of tenant <c>alpha</c>.</summary>
    public const string AlphaKey = "soak-alpha-key-0123456789";

    /// <summary>API key of tenant <c>beta</c>.</summary>
    public const string BetaKey = "soak-beta-key-0123456789";

    private const int OutputLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private StreamWriter? _log;

    private LocalHostProcess(Process process, Uri baseAddress, string? logFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogFile = logFile;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
            _log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
    }

    /// <summary>The file that holds every line the host wrote (appended across restarts), or null when only the tail is kept.</summary>
    public string? LogFile { get; }

    /// <summary>The host's root address (a free loopback port chosen at start).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's process id.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host with tenants <c>alpha</c> and <c>beta</c> (<see cref="AlphaKey"/>, <see cref="BetaKey"/>) and waits for <c>/api/health</c>.</summary>
    public static Task<LocalHostProcess> StartAsync(string connectionString, string prefix, CancellationToken cancellationToken) =>
        StartAsync(connectionString, prefix, new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(string, string, CancellationToken)"/>, with extra environment variables (for example
    /// <c>FA_SWEEP_AFTER</c>); they override the defaults set here.
    /// </summary>
    public static Task<LocalHostProcess> StartAsync(
        string connectionString, string prefix, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        StartAsync(connectionString, prefix, environment, logFile: null, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(string, string, IReadOnlyDictionary{string, string}, CancellationToken)"/>, also appending
    /// every line the host writes to <paramref name="logFile"/> (when not null), so that a failure found after the host
    /// is gone can still be traced in its log (<see cref="LinesMentioning"/>).
    /// </summary>
    public static async Task<LocalHostProcess> StartAsync(
        string connectionString, string prefix, IReadOnlyDictionary<string, string> environment, string? logFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "FunctionAgents.Host", "bin", Configuration(), "net10.0", "FunctionAgents.Host.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first: dotnet build src/FunctionAgents.Host -c {Configuration()}", dll);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["FA_API_KEYS"] = $"alpha:{AlphaKey},beta:{BetaKey}";
        start.Environment["FA_STORAGE_PREFIX"] = prefix;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}/"), logFile);

        // Drain the host's output (a full pipe would block it) and keep the tail for failure messages.
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that sends <paramref name="apiKey"/> on every request.</summary>
    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(FunctionAgents.Http.Routing.ApiRoutes.ApiKeyHeader, apiKey);
        return client;
    }

    /// <summary>
    /// Kills the host and every process it started at once (SIGKILL: no shutdown hook, no flush, no lease release),
    /// and waits until it is gone.
    /// </summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// The lines of <see cref="LogFile"/> (every start of this host that shared the file) that contain <paramref name="text"/>,
    /// at most <paramref name="max"/> of the latest; the kept tail when there is no log file.
    /// </summary>
    public IReadOnlyList<string> LinesMentioning(string text, int max = 200) => Mentioning(LogFile, OutputTail().Split(Environment.NewLine), text, max);

    /// <summary>The lines of a host log file that contain <paramref name="text"/>, at most <paramref name="max"/> of the latest.</summary>
    public static IReadOnlyList<string> LinesMentioning(string logFile, string text, int max = 200) => Mentioning(logFile, [], text, max);

    private static List<string> Mentioning(string? logFile, IEnumerable<string> fallback, string text, int max)
    {
        var lines = fallback;
        if (logFile is not null && File.Exists(logFile))
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            lines = reader.ReadToEnd().Split('\n');
        }

        // The console logger writes "level: Category[id]" on one line and the message on the next: keep them together.
        var all = lines.Select(l => l.TrimEnd('\r')).ToList();
        var found = new List<string>();
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Contains(text, StringComparison.Ordinal))
            {
                var header = i > 0 && all[i - 1].Length > 5 && all[i - 1][4] == ':' && !all[i - 1].StartsWith(' ') ? all[i - 1] + " | " : string.Empty;
                found.Add(header + all[i].Trim());
            }
        }

        return found.Count > max ? found[^max..] : found;
    }

    /// <summary>
    /// Sends SIGTERM, as a platform or an operator stopping the host does, and waits at most <paramref name="waitAtMost"/>
    /// for it to exit. Returns how long it took, or null when it was still running (it is then left running).
    /// </summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan waitAtMost)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(waitAtMost);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return clock.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The exit code of a host that has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the host wrote to stdout and stderr.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        lock (_output)
        {
            // Late output events may still arrive: Keep writes only while the file is open.
            _log?.Dispose();
            _log = null;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _log?.WriteLine(line);
            _output.Enqueue(line);
            if (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = Client(AlphaKey);
        client.Timeout = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} while starting. Output:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The host did not answer /api/health within {StartTimeout.TotalSeconds:0} s. Output:{Environment.NewLine}{OutputTail()}");
    }

    private static string Configuration()
    {
        var path = AppContext.BaseDirectory.Replace('\\', '/');
        return path.Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionAgents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FunctionAgents.sln not found above " + AppContext.BaseDirectory);
    }
}
