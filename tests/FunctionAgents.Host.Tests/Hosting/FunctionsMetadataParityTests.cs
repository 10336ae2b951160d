using System.Text.Json;
using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Azure.Scheduling;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Durable;
using FunctionAgents.Http.Routing;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Evaluation;
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
    private static readonly List<FunctionBinding> Functions = FunctionsMetadata.Read();

    // An endpoint mapped without methods (the MCP handler, which answers 405 itself) serves every method a trigger can name.
    private static readonly string[] EveryMethod = ["GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"];

    [Fact]
    public void Routes_EveryLocalHostRouteIsAFunctionAndNoMore()
    {
        var local = fixture.Shared.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(FunctionRoutes.RoutePrefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? EveryMethod).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        // The refusal functions (405 for the methods a route does not serve) are the local host's fallback, not routes.
        var functions = Functions.Where(f => f.Type == "httpTrigger" && !f.Name.EndsWith("MethodNotAllowed", StringComparison.Ordinal))
            .SelectMany(f => f.Methods.Select(m => $"{m} {FunctionRoutes.RoutePrefix}/{f.Route}"))
            .ToHashSet();

        Assert.NotEmpty(local);
        Assert.Empty(local.Except(functions));
        Assert.Empty(functions.Except(local));
    }

    [Fact]
    public void Routes_DataSubjectRoutes_AreFunctions()
    {
        var routes = Functions.Where(f => f.Type == "httpTrigger").SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} {f.Route}")).ToHashSet();

        Assert.Contains($"POST {FunctionRoutes.EraseSubject}", routes);
        Assert.Contains($"GET {FunctionRoutes.SubjectRuns}", routes);
    }

    [Fact]
    public void Queues_FunctionsListenOnTheLocalHostsQueues_AsDeployed()
    {
        // The Functions host resolves %SETTING% in trigger attributes from the app settings; given the local host's
        // FA_STORAGE_PREFIX, the queue trigger must listen on exactly the queue the local host and the health endpoint use.
        var settings = new Dictionary<string, string> { [StorageSettings.PrefixSetting] = fixture.Shared.Prefix };

        var functions = Functions.Where(f => f.Type == "queueTrigger").Select(f => ResolveBindingExpression(f.QueueName!, settings)).ToHashSet();

        Assert.Equal(new HashSet<string> { fixture.Shared.Names.AgentRuns }, functions);
        Assert.StartsWith(fixture.Shared.Prefix + "-", fixture.Shared.Names.AgentRuns, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedules_TimersUseTheSharedSchedules()
    {
        var timers = Functions.Where(f => f.Type == "timerTrigger").ToDictionary(f => f.Name, f => f.Schedule);

        Assert.Equal("%FA_SWEEP_SCHEDULE%", timers["RunSweeper"]);
        Assert.Equal($"%{NightlyEvaluationSettings.ScheduleSetting}%", timers["NightlyEvaluation"]);
        Assert.Contains(
            fixture.Shared.Services.GetServices<ScheduledJobRegistration>(),
            job => job.Name == NightlyEvaluationJob.Name);
    }

    [Fact]
    public void Orchestration_FunctionsBindTheSharedOrchestratorAndEveryActivity()
    {
        var orchestrators = Functions.Where(f => f.Type == "orchestrationTrigger").Select(f => f.Name).ToHashSet();
        var activities = Functions.Where(f => f.Type == "activityTrigger").Select(f => f.Name).ToHashSet();

        Assert.Equal(new HashSet<string> { OrchestrationNames.Orchestrator }, orchestrators);
        Assert.Equal(RunTasks.AllActivities.ToHashSet(), activities);
    }

    // The host's %NAME% resolution: every token must name a setting (an unknown one fails the function's indexing).
    private static string ResolveBindingExpression(string expression, Dictionary<string, string> settings) =>
        System.Text.RegularExpressions.Regex.Replace(expression, "%([^%]+)%", match =>
            settings.TryGetValue(match.Groups[1].Value, out var value) ? value : throw new KeyNotFoundException($"{match.Groups[1].Value} is not set"));
}
