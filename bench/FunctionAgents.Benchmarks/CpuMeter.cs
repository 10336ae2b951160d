using System.Diagnostics;

namespace FunctionAgents.Benchmarks;

/// <summary>CPU time used by this process and by the storage emulator over one measurement.</summary>
internal sealed class CpuMeter
{
    private readonly Process _server;

    public CpuMeter(int serverProcessId) => _server = Process.GetProcessById(serverProcessId);

    public (TimeSpan Client, TimeSpan Server) Sample()
    {
        _server.Refresh();
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, _server.TotalProcessorTime);
    }
}
