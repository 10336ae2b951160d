using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace FunctionAgents.Host.Hosting;

/// <summary>
/// Makes stopping bounded whatever a component does: once the host starts stopping, the process ends at the latest
/// <see cref="Grace"/> after the shutdown bound, and a second SIGTERM or Ctrl+C ends it at once. Work left running is
/// abandoned; the Durable engine delivers it again, because nothing is acknowledged before it is journaled.
/// </summary>
internal sealed class ShutdownGuard : IHostedService, IDisposable
{
    /// <summary>What the orderly stop gets beyond the bound (disposal, log flush) before the process is ended.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeSpan _bound;
    private readonly List<PosixSignalRegistration> _signals = [];
    private CancellationTokenRegistration _stopping;
    private int _signalCount;

    public ShutdownGuard(IHostApplicationLifetime lifetime, IOptions<HostOptions> options)
    {
        _lifetime = lifetime;
        _bound = options.Value.ShutdownTimeout;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered beside the console lifetime's own handlers: the first signal still stops the host gracefully.
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        _stopping = _lifetime.ApplicationStopping.Register(() =>
        {
            var watchdog = new Thread(() =>
            {
                Thread.Sleep(_bound + Grace);
                End($"did not stop within {(_bound + Grace).TotalSeconds:0} s");
            })
            { IsBackground = true, Name = "shutdown-guard" };
            watchdog.Start();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _stopping.Dispose();
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signalCount) > 1)
        {
            End($"second {context.Signal}");
        }
    }

    private static void End(string why)
    {
        Console.Error.WriteLine($"FunctionAgents.Host: {why}; ending the process, in-flight work will be delivered again.");
        // Environment.Exit would wait for the console lifetime's own shutdown wait; this ends the process now.
        Process.GetCurrentProcess().Kill();
    }
}
