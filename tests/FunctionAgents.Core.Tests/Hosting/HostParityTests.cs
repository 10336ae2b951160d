using System.Reflection;
using System.Text.RegularExpressions;
using FunctionAgents.Core.Hosting;

namespace FunctionAgents.Core.Tests.Hosting;

/// <summary>
/// The local host and the Azure Functions app must bind the same routes, queues and schedules. The Functions
/// project cannot be compiled here, so these tests read its source and resolve every binding to the constants in
/// Core that both hosts share.
/// </summary>
public sealed partial class HostParityTests
{
    private static readonly string Root = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionAgents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FunctionAgents.sln not found above the test binaries.");
    }

    private static string Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException($"{type.Name}.{name} is not a public string constant in Core.");

    private static string FunctionsSource() =>
        string.Join('\n', Directory.GetFiles(Path.Combine(Root, "src", "FunctionAgents.Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    /// <summary>Every route the local host maps, from every endpoint file of FunctionAgents.Http; each must be an ApiRoutes constant.</summary>
    private static HashSet<string> LocalHostRoutes()
    {
        var source = string.Join('\n', Directory.GetFiles(Path.Combine(Root, "src", "FunctionAgents.Http"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var mapped = LocalRoute().Matches(source).ToList();
        Assert.All(mapped, m => Assert.Equal(nameof(ApiRoutes), m.Groups["class"].Value));
        return [.. mapped.Select(m => $"{m.Groups["method"].Value.ToUpperInvariant()} {Constant(typeof(ApiRoutes), m.Groups["route"].Value)}")];
    }

    private static HashSet<string> FunctionsRoutes() =>
        [.. FunctionsRoute().Matches(FunctionsSource()).SelectMany(m => m.Groups["methods"].Value.Split(',')
            .Select(method => $"{method.Trim().Trim('"').ToUpperInvariant()} {FunctionRoutes.RoutePrefix}/{Constant(typeof(FunctionRoutes), m.Groups["route"].Value)}"))];

    [Fact]
    public void Routes_EveryLocalHostRouteHasItsFunctionsTwin_AndNoMore()
    {
        var local = LocalHostRoutes();
        var functions = FunctionsRoutes();

        Assert.NotEmpty(local);
        Assert.Empty(local.Except(functions));
        Assert.Empty(functions.Except(local));
    }

    [Fact]
    public void Routes_FunctionRoutesAreTheApiRoutesWithoutTheirPrefix()
    {
        var api = typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).StartsWith("api/", StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

        foreach (var (name, template) in api)
        {
            Assert.Equal(template, $"{FunctionRoutes.RoutePrefix}/{Constant(typeof(FunctionRoutes), name)}");
        }
    }

    [Fact]
    public void Queues_FunctionsTriggersUseSharedQueueNames_AndCoverBothQueues()
    {
        var bound = QueueTrigger().Matches(FunctionsSource()).Select(m => Constant(typeof(QueueNames), m.Groups["name"].Value)).ToHashSet();

        Assert.Equal(new HashSet<string> { QueueNames.AgentRuns, QueueNames.Work }, bound);
        Assert.DoesNotContain("QueueTrigger(\"", FunctionsSource(), StringComparison.Ordinal);
    }

    [Fact]
    public void Schedules_FunctionsTimersUseSharedSchedules()
    {
        var source = FunctionsSource();
        var bound = TimerTrigger().Matches(source).Select(m => Constant(typeof(FunctionRoutes), m.Groups["name"].Value)).ToList();

        Assert.Contains($"%{SettingNames.NightlySchedule}%", bound);
        Assert.Contains(FunctionRoutes.SweepSchedule, bound);
        Assert.DoesNotContain("TimerTrigger(\"", source, StringComparison.Ordinal);
        Assert.Equal(FunctionAgentsSettings.DefaultNightlySchedule, CronSchedule.Parse(FunctionAgentsSettings.DefaultNightlySchedule).Expression);
    }

    [GeneratedRegex(@"Map(?<method>Get|Post|Put|Delete)\((?<class>\w+)\.(?<route>\w+)")]
    private static partial Regex LocalRoute();

    [GeneratedRegex(@"HttpTrigger\(AuthorizationLevel\.\w+,\s*(?<methods>""\w+""(?:\s*,\s*""\w+"")*)\s*,\s*Route\s*=\s*FunctionRoutes\.(?<route>\w+)\)")]
    private static partial Regex FunctionsRoute();

    [GeneratedRegex(@"QueueTrigger\(QueueNames\.(?<name>\w+)\)")]
    private static partial Regex QueueTrigger();

    [GeneratedRegex(@"TimerTrigger\(FunctionRoutes\.(?<name>\w+)\)")]
    private static partial Regex TimerTrigger();
}
