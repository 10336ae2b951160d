using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Contracts;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace FunctionAgents.Mcp.Server;

/// <summary>
/// FunctionAgents' runs as MCP tools. Each answers the same JSON as the HTTP API (a run is the <c>GET /api/runs/{id}</c>
/// view) and acts only for the caller's tenant; another tenant's run is "no such run", exactly as over HTTP.
/// </summary>
[McpServerToolType]
internal sealed partial class RunsMcpTools
{
    private readonly RunCommands _commands;
    private readonly McpCaller _caller;

    /// <param name="commands">The runs' commands and queries, shared with the HTTP API.</param>
    /// <param name="user">The request's user, which the SDK supplies per tool call: the tenant <see cref="McpHttpHandler"/> found for the key.</param>
    public RunsMcpTools(RunCommands commands, ClaimsPrincipal? user = null)
    {
        _commands = commands;
        _caller = new McpCaller(user);
    }

    [McpServerTool(Name = "start_run"), Description("Starts an agent run for a goal. The same idempotency key always answers the same run.")]
    public async Task<string> StartRunAsync(
        [Description("What the agent should achieve.")] string goal,
        [Description("Optional: makes the start idempotent for your tenant.")] string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        var request = new StartRunRequest(_caller.Tenant, goal ?? string.Empty, null, null, null, null, idempotencyKey, "mcp", null);
        var errors = StartRunValidator.Validate(request);
        if (errors.Count > 0)
        {
            throw new McpException(string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
        }

        var started = await _commands.StartAsync(request, cancellationToken);
        var links = RunViews.Links(started.RunId);
        return JsonSerializer.Serialize(
            new StartRunResponse(started.RunId, started.Created, links.Status, links.Events, links.Cancel), HttpJsonContext.Default.StartRunResponse);
    }

    [McpServerTool(Name = "get_run", ReadOnly = true), Description("A run's state: status, plan, steps with their policy decisions, pending approvals, response.")]
    public async Task<string> GetRunAsync([Description("The run id.")] string runId, CancellationToken cancellationToken = default) =>
        JsonSerializer.Serialize(RunViews.From(await LoadAsync(runId, cancellationToken)), HttpJsonContext.Default.RunView);

    [McpServerTool(Name = "list_runs", ReadOnly = true), Description("Your runs, newest first (one page).")]
    public async Task<string> ListRunsAsync(
        [Description("Only runs in this status: running, awaiting_approval, completed, failed, cancelled.")] string? status = null,
        [Description("Runs per page, 1 to 200.")] int pageSize = 50,
        [Description("The token of the previous page.")] string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        RunStatus? wanted = null;
        if (status is not null)
        {
            wanted = RunStatusNames.TryParse(status, out var parsed) && RunStatusNames.Listable.Contains(status)
                ? parsed
                : throw new McpException($"status must be one of {string.Join(", ", RunStatusNames.Listable)}");
        }

        if (pageSize is < 1 or > 200)
        {
            throw new McpException("pageSize must be between 1 and 200");
        }

        RunPage page;
        try
        {
            page = await _commands.ListAsync(new RunQuery(_caller.Tenant, wanted, null, null, continuationToken, pageSize), cancellationToken);
        }
        catch (FormatException)
        {
            throw new McpException("continuationToken is not a token this server issued");
        }

        return JsonSerializer.Serialize(new RunListResponse([.. page.Runs.Select(RunViews.From)], page.ContinuationToken), HttpJsonContext.Default.RunListResponse);
    }

    [McpServerTool(Name = "cancel_run"), Description("Cancels a run that has not finished.")]
    public async Task<string> CancelRunAsync(
        [Description("The run id.")] string runId,
        [Description("Why, recorded in the journal.")] string? reason = null,
        CancellationToken cancellationToken = default)
    {
        var tenant = _caller.Tenant;
        var result = await _commands.CancelAsync(tenant, runId, reason, "mcp:" + tenant, cancellationToken);
        return Outcome(result, runId, null, "cancel");
    }

    private async Task<RunState> LoadAsync(string runId, CancellationToken cancellationToken) =>
        await _commands.GetAsync(_caller.Tenant, runId, cancellationToken) ?? throw NoSuchRun(runId);

    private static McpException NoSuchRun(string runId) => new($"There is no run '{runId}'.");

    private static string Outcome(CommandResult result, string runId, string? stepId, string decision) => result.Outcome switch
    {
        CommandOutcome.Accepted => JsonSerializer.Serialize(
            new DecisionAccepted(runId, stepId, decision, "mcp", result.State!.Status, ApiRoutes.RunUri(runId)), HttpJsonContext.Default.DecisionAccepted),
        CommandOutcome.Conflict => throw new McpException(result.Detail ?? $"run {runId} is not in a state that allows this"),
        _ => throw new McpException(result.Detail ?? $"There is no run '{runId}'."),
    };
}
