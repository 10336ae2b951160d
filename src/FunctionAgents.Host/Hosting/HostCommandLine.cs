namespace FunctionAgents.Host.Hosting;

/// <summary>The host's own switches, taken out of the arguments before ASP.NET Core reads the rest as configuration.</summary>
/// <param name="Demo"><c>--demo</c>: start on a free loopback port, run the demo client against it, exit.</param>
internal sealed record HostCommandLine(bool Demo, string[] HostArgs)
{
    public const string DemoSwitch = "--demo";

    public static HostCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains(DemoSwitch, StringComparer.Ordinal);
        return new HostCommandLine(demo, [.. args.Where(a => !string.Equals(a, DemoSwitch, StringComparison.Ordinal))]);
    }
}
