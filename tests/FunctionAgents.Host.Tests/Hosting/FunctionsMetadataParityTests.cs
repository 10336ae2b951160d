using System.Text.Json;
using FunctionAgents.Durable;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Hosting;

/// <summary>
/// The Azure Functions app and the local host bind the same things. Reads the functions.metadata the Functions SDK
/// generated when the app was built (this project references it, so it is built first) and compares it with the
/// running local host: HTTP routes and methods, queue names, timer schedules, orchestrator and activity names.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class FunctionsMetadataParityTests(HostFixture fixture)
{
    private static readonly List<FunctionBinding> Functions = ReadMetadata();

    private sealed record FunctionBinding(string Name, string Type, string? Route, string[] Methods, string? QueueName, string? Schedule);

    private static List<FunctionBinding> ReadMetadata()
    {
        // The test binaries sit in tests/<project>/bin/<Configuration>/<tfm>/: the Functions app's are in the same relative place.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FunctionAgents.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "FunctionAgents.Functions", "bin", configuration, tfm, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/FunctionAgents.Functions first");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionBinding(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [],
                trigger.TryGetProperty("queueName", out var queue) ? queue.GetString() : null,
                trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null);
        })];
    }

    [Fact]
    public void Routes_EveryLocalHostRouteIsAFunctionAndNoMore()
    {
        var local = fixture.Shared.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(FunctionRoutes.RoutePrefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var functions = Functions.Where(f => f.Type == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => $"{m} {FunctionRoutes.RoutePrefix}/{f.Route}"))
            .ToHashSet();

        Assert.NotEmpty(local);
        Assert.Empty(local.Except(functions));
        Assert.Empty(functions.Except(local));
    }

    [Fact]
    public void Queues_FunctionsListenOnTheLocalHostsQueues()
    {
        var names = fixture.Shared.Names;
        var prefix = fixture.Shared.Prefix + "-";
        var local = new[] { names.AgentRuns }.Select(n => n.StartsWith(prefix, StringComparison.Ordinal) ? n[prefix.Length..] : n).ToHashSet();

        var functions = Functions.Where(f => f.Type == "queueTrigger").Select(f => f.QueueName!).ToHashSet();

        Assert.Equal(local, functions);
        Assert.Contains(QueueNames.AgentRuns, functions);
    }

    [Fact]
    public void Schedules_TimersUseTheSharedSchedules()
    {
        var timers = Functions.Where(f => f.Type == "timerTrigger").ToDictionary(f => f.Name, f => f.Schedule);

        Assert.Equal(FunctionRoutes.SweepSchedule, timers["RunSweeper"]);
        Assert.Equal($"%{SettingNames.NightlySchedule}%", timers["NightlyEvaluation"]);
        Assert.Contains(
            fixture.Shared.Services.GetServices<ScheduledJobRegistration>(),
            job => job.Name == ScheduledJobNames.NightlyEvaluation);
    }

    [Fact]
    public void Orchestration_FunctionsBindTheSharedOrchestratorAndEveryActivity()
    {
        var orchestrators = Functions.Where(f => f.Type == "orchestrationTrigger").Select(f => f.Name).ToHashSet();
        var activities = Functions.Where(f => f.Type == "activityTrigger").Select(f => f.Name).ToHashSet();

        Assert.Equal(new HashSet<string> { OrchestrationNames.Orchestrator }, orchestrators);
        Assert.Equal(RunTasks.AllActivities.ToHashSet(), activities);
    }
}
