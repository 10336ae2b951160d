using FunctionAgents.Host.Hosting;
using FunctionAgents.Testing;
using Xunit.Abstractions;

namespace FunctionAgents.Host.Tests.Hosting;

/// <summary>
/// The host as a child process, stopped with SIGTERM as a platform stops it: with its storage up, and with its storage
/// gone (the case that used to hang for minutes). Each host has its own Azurite, so one can be taken away.
/// </summary>
public sealed class BoundedShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(4);

    // The bound, the guard's grace after it, and time for the runtime to exit on a loaded 2-core machine.
    private static readonly TimeSpan ExitWithin = Bound + ShutdownGuard.Grace + TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string> Settings = new() { [LocalEngineSettings.ShutdownTimeout] = "PT4S" };

    [Fact]
    public async Task Sigterm_StorageUp_ExitsCleanlyWithinTheBound()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await LocalHostProcess.StartAsync(azurite.ConnectionString, "stopup", Settings, CancellationToken.None);

        var took = await host.TerminateAsync(ExitWithin);

        output.WriteLine($"exited after {took?.TotalSeconds:F1} s");
        Assert.True(took is not null, $"still running {ExitWithin.TotalSeconds:0} s after SIGTERM. Output:\n{host.OutputTail()}");
        Assert.Equal(0, host.ExitCode);
    }

    [Fact]
    public async Task Sigterm_StorageGone_StillExitsWithinTheBound()
    {
        var azurite = await AzuriteProcess.StartAsync();
        await using var host = await LocalHostProcess.StartAsync(azurite.ConnectionString, "stopgone", Settings, CancellationToken.None);
        await azurite.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var took = await host.TerminateAsync(ExitWithin);

        output.WriteLine($"exited after {took?.TotalSeconds:F1} s with code {(took is null ? "-" : host.ExitCode)}");
        Assert.True(took is not null, $"still running {ExitWithin.TotalSeconds:0} s after SIGTERM with storage gone. Output:\n{host.OutputTail()}");
    }
}
