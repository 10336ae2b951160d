using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FunctionAgents.Host.Hosting;

/// <summary>
/// Makes stopping the host process bounded whatever a component does: once the host starts stopping, the process
/// ends at the latest <see cref="Grace"/> after the shutdown bound, and a second SIGTERM or Ctrl+C ends it at once.
/// Work left running is abandoned; the Durable engine delivers it again, because nothing is acknowledged before it is
/// journaled. Armed by the process's entry point only (never in-process test hosts), and it lives until the process ends.
/// </summary>
internal static class ShutdownGuard
{
    /// <summary>What the orderly stop gets beyond the bound (disposal, log flush) before the process is ended.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private static readonly List<PosixSignalRegistration> Signals = [];
    private static int _signalCount;

    /// <summary>
    /// Watches <paramref name="lifetime"/>: from its stopping, the process has <paramref name="bound"/> plus <see cref="Grace"/>.
    /// Does nothing when the host does not own the process (an in-process test server runs the same entry point).
    /// </summary>
    public static void Arm(IHostApplicationLifetime lifetime, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        if (System.Reflection.Assembly.GetEntryAssembly() != typeof(ShutdownGuard).Assembly)
        {
            return;
        }

        // Registered beside the console lifetime's own handlers: the first signal still stops the host gracefully.
        lock (Signals)
        {
            foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
            {
                Signals.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
        }

        lifetime.ApplicationStopping.Register(() =>
        {
            var watchdog = new Thread(() =>
            {
                Thread.Sleep(bound + Grace);
                End($"did not stop within {(bound + Grace).TotalSeconds:0} s");
            })
            { IsBackground = true, Name = "shutdown-guard" };
            watchdog.Start();
        });
    }

    private static void OnSignal(PosixSignalContext context)
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
