using System.Diagnostics;
using System.Reflection;

namespace FunctionAgents.Functions.Tests.Deployment;

/// <summary>
/// The Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package (this project's PackageReference; its path
/// is baked into the test assembly). It runs offline: build, lint and snapshot need no Azure and no network.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(() =>
    {
        return OperatingSystem.IsLinux()
            ? LocateOnLinux()
            : throw new PlatformNotSupportedException("the Bicep CLI package restored here is the linux-x64 one");
    });

    /// <summary>Runs bicep with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no version check: nothing leaves the machine.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static string LocateOnLinux()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        Assert.True(File.Exists(path), $"{path} is missing: `dotnet restore` brings the Azure.Bicep.CommandLine.linux-x64 package (Linux x64 only)");
        const UnixFileMode execute = UnixFileMode.UserExecute;
        if ((File.GetUnixFileMode(path) & execute) != 0)
        {
            return path;
        }

        // NuGet extracts package files without the executable bit on some machines: run a private executable copy.
        var copy = Path.Combine(Path.GetTempPath(), "functionagents-bicep-" + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))!), "bicep");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        if (!File.Exists(copy))
        {
            File.Copy(path, copy + ".tmp", overwrite: true);
            File.SetUnixFileMode(copy + ".tmp", File.GetUnixFileMode(copy + ".tmp") | execute);
            File.Move(copy + ".tmp", copy, overwrite: true);
        }

        return copy;
    }
}
