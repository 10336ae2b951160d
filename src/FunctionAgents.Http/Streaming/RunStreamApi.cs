using System.Globalization;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Http.Streaming;

/// <summary>
/// <c>GET /api/runs/{runId}/stream</c>: the run's journal as Server-Sent Events, live. The caller's tenant only (another
/// tenant's run answers 404 like an unknown one); <c>Last-Event-ID</c> (or <c>?lastEventId=</c>, for clients that cannot
/// set headers) resumes after that Seq.
/// </summary>
public sealed class RunStreamApi
{
    /// <summary>The SSE resume header.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    private readonly RunCommands _commands;
    private readonly IEventJournal _journal;
    private readonly TenantGate _gate;
    private readonly RunStreamOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public RunStreamApi(RunCommands commands, IEventJournal journal, TenantGate gate, RunStreamOptions options, TimeProvider clock, ILogger<RunStreamApi> logger)
    {
        _commands = commands;
        _journal = journal;
        _gate = gate;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Checks the caller and the resume point, then hands the response to a <see cref="RunStreamResult"/>.</summary>
    public Task<IResult> StreamAsync(HttpContext context, string runId) => _gate.RunAsync(context, async tenant =>
    {
        ArgumentNullException.ThrowIfNull(context);
        var (field, text) = context.Request.Headers[LastEventIdHeader] is { Count: > 0 } header
            ? (LastEventIdHeader, header.ToString())
            : ("lastEventId", context.Request.Query["lastEventId"].ToString());
        long after = 0;
        if (text.Length > 0 && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
        {
            return ApiProblems.Validation(field, "must be a non-negative integer (the Seq of the last event received)");
        }

        // The tenant check: null means no such run for this tenant. The enumerable itself is not read.
        var exists = await _commands.ReadEventsAsync(tenant, runId, 1, 1, context.RequestAborted);
        return exists is null
            ? ApiProblems.NotFound($"There is no run '{runId}'.")
            : new RunStreamResult(_journal, runId, after, _options, _clock, _logger);
    });
}
