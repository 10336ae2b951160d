using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Host.Hosting;

namespace FunctionAgents.Host.Azurite;

/// <summary>
/// Starts Azurite from the repository's node_modules when storage is the development emulator on its default
/// ports and nothing listens there, and stops it with the host. A host that did not start it leaves it alone.
/// </summary>
internal sealed class AzuriteLauncher : IHostedService, IAsyncDisposable
{
    private const int BlobPort = 10000;
    private const int QueuePort = 10001;
    private const int TablePort = 10002;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly AzuriteLauncherOptions _options;
    private readonly StorageClients _connection;
    private readonly ILogger _logger;
    private Process? _process;
    private string? _workingFolder;

    public AzuriteLauncher(AzuriteLauncherOptions options, StorageClients connection, ILogger<AzuriteLauncher> logger)
    {
        _options = options;
        _connection = connection;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!UsesDefaultEmulator() || await ListensAsync(TablePort, cancellationToken))
        {
            return;
        }

        var root = ContentPaths.FindRepositoryRoot(_options.ContentRoot) ?? ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory);
        var script = root is null ? null : Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (script is null || !File.Exists(script))
        {
            throw new StartupFailedException(
                $"storage is Azurite on 127.0.0.1:{TablePort} but nothing listens there and node_modules/azurite is missing: run 'npm ci' in {root ?? "the repository root"}.");
        }

        _workingFolder = Path.Combine(Path.GetTempPath(), "functionagents-azurite-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_workingFolder);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workingFolder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            script, "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start) ?? throw new StartupFailedException("starting Azurite with node failed.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new StartupFailedException($"Azurite must be started but 'node' could not run ({ex.Message}): install Node.js 18 or later.", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(cancellationToken);
        Log.AzuriteStarted(_logger, _process.Id, QueuePort, TablePort, script);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is null)
        {
            return;
        }

        var id = _process.Id;
        await StopProcessAsync();
        Log.AzuriteStopped(_logger, id);
    }

    public async ValueTask DisposeAsync() => await StopProcessAsync();

    private bool UsesDefaultEmulator()
    {
        if (string.Equals(_options.StorageSetting, StorageSettings.DefaultConnection, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        static bool IsDefault(Uri endpoint) =>
            endpoint.IsLoopback && endpoint.Port is >= BlobPort and <= TablePort;
        return IsDefault(_connection.TableEndpoint) && IsDefault(_connection.QueueEndpoint);
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new StartupFailedException($"Azurite exited with code {_process.ExitCode} right after starting (is another program using ports {BlobPort}-{TablePort}?).");
            }

            if (await ListensAsync(QueuePort, cancellationToken) && await ListensAsync(TablePort, cancellationToken))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        await StopProcessAsync();
        throw new StartupFailedException($"Azurite did not listen on ports {QueuePort} and {TablePort} within {StartTimeout.TotalSeconds:0} s.");
    }

    private async Task StopProcessAsync()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone, or the kill is on its way; nothing more a host can do.
        }
        finally
        {
            process.Dispose();
        }

        try
        {
            if (_workingFolder is not null)
            {
                Directory.Delete(_workingFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Temp folder cleanup is best effort.
        }
    }

    private static async Task<bool> ListensAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>What the launcher needs besides the storage connection.</summary>
/// <param name="StorageSetting">The AzureWebJobsStorage value (null for an identity-based connection).</param>
/// <param name="ContentRoot">Where the search for the repository's node_modules starts.</param>
internal sealed record AzuriteLauncherOptions(string? StorageSetting, string ContentRoot);
