using System.Diagnostics;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>The test MCP server (tests/FunctionAgents.McpTestServer): its path for stdio, or started on 127.0.0.1 for HTTP.</summary>
public sealed class McpTestServer : IAsyncDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private McpTestServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The server's dll (built with this test project).</summary>
    public static string Dll { get; } = FindDll();

    /// <summary>Starts the server over streamable HTTP; <paramref name="callLog"/> receives one line per tool call.</summary>
    public static async Task<McpTestServer> StartHttpAsync(string callLog)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("--http");
        start.Environment["MCP_TEST_CALL_LOG"] = callLog;
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new McpTestServer(process, new Uri(line["listening ".Length..]));
            }
        }

        throw new InvalidOperationException("The MCP test server exited before listening: " + await process.StandardError.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string FindDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "tests", "FunctionAgents.McpTestServer", "bin");
            if (Directory.Exists(project))
            {
                return Directory.GetFiles(project, "FunctionAgents.McpTestServer.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc).First();
            }
        }

        throw new InvalidOperationException("The MCP test server has not been built (tests/FunctionAgents.McpTestServer).");
    }
}
