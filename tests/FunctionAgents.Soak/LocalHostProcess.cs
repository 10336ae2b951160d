using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FunctionAgents.Soak;

/// <summary>
/// The real local host (the built src/FunctionAgents.Host) as a child process on the suite's Azurite, configured by
/// environment variables as a user would; the suite drives it over HTTP and may kill it from outside.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    public const string AlphaKey = "soak-alpha-key-0123456789";
    public const string BetaKey = "soak-beta-key-0123456789";

    private readonly Process _process;

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static Task<LocalHostProcess> StartAsync(string connectionString, string prefix, CancellationToken cancellationToken) =>
        StartAsync(connectionString, prefix, new Dictionary<string, string>(), cancellationToken);

    /// <summary>Starts the host with extra environment variables (a model endpoint, a docs folder, a run deadline...).</summary>
    public static async Task<LocalHostProcess> StartAsync(
        string connectionString, string prefix, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "FunctionAgents.Host", "bin", "Release", "net10.0", "FunctionAgents.Host.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the host first: dotnet build src/FunctionAgents.Host -c Release", dll);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["FA_API_KEYS"] = $"alpha:{AlphaKey},beta:{BetaKey}";
        start.Environment["FA_STORAGE_PREFIX"] = prefix;
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");

        // Drain the host's output so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var client = host.Client(AlphaKey);
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, cancellationToken);
        }

        await host.DisposeAsync();
        throw new TimeoutException("The host did not answer /api/health within 60 s.");
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(Core.Hosting.ApiRoutes.ApiKeyHeader, apiKey);
        return client;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
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
