using System.Text.Json;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Testing.Stores;

namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

/// <summary>
/// The real decider, orchestration loop, activities and commands on in-memory storage, with a support-desk planner, tools and
/// policy, and the forensic projections (audit, checkpoints) fed after every append: realistic journals for tests.
/// </summary>
internal sealed class SupportDesk
{
    /// <summary>Search the docs, mail the customer outside the shop (needs a person), open a ticket.</summary>
    public const string RefundPlan = """
        {"runId":"@RUN","goal":"refund order 1042","maxSteps":5,"budgetUsd":1.0,"steps":[
          {"id":"s1","objective":"find the refund policy","tool":"search_docs","input":{"query":"refund policy"},"successCriteria":"a passage found"},
          {"id":"s2","objective":"tell the customer","tool":"send_email","input":{"to":"a@external.example","subject":"Your refund","body":"It is on its way."},"successCriteria":"mail queued"},
          {"id":"s3","objective":"hand over to billing","tool":"create_ticket","input":{"title":"Refund order 1042","body":"Please refund."},"successCriteria":"ticket opened"}],
         "stopConditions":["all steps done"]}
        """;

    public SupportDesk(string? plan = null, string answer = "Your refund for order 1042 is on its way.", DateTimeOffset? start = null)
    {
        Clock = new DeskClock(start ?? ScriptedRun.DefaultStart);
        var catalog = new DeskCatalog(
        [
            new DeskTool("search_docs", ["query"], 0.001m, _ => Json("""{"passages":[{"doc":"refunds.md","text":"Refunds take five days."}]}""")),
            new DeskTool("send_email", ["to", "subject", "body"], 0.002m, inv => Json($$"""{"queued":true,"messageId":"{{inv.DispatchId}}"}""")),
            new DeskTool("create_ticket", ["title", "body"], 0.003m, _ => Json("""{"ticketId":"T-77"}""")),
        ]);
        var activities = new RunActivities(
            new DeskPlanner(plan ?? RefundPlan), new DeskResponder(answer), catalog, catalog, new DeskPolicy(), Clock, PriceTable.Uniform(new ModelPrice(2.5m, 10m)));
        IJournalProjection[] projections = [new AuditProjection(Audit), Checkpoints];
        Commands = new RunCommands(new RunAppender(Journal, Index, Clock, projections), Index, Orchestrations, new RunOptions());
        Runner = new StepRunner(new RunAppender(Journal, Index, Clock, projections), activities);
    }

    public DeskClock Clock { get; }

    public InMemoryEventJournal Journal { get; } = new();

    public DeskIndex Index { get; } = new();

    public FakeOrchestrations Orchestrations { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public InMemoryChainCheckpoints Checkpoints { get; } = new();

    public RunCommands Commands { get; }

    /// <summary>The activities' step runner, driven by the orchestrator's loop (<see cref="LoopDriver"/>).</summary>
    public StepRunner Runner { get; }

    public async Task<string> StartAsync(string tenantId = "tenant-a", string? correlationId = "session-7", string goal = "Please refund order 1042 and let me know")
    {
        var started = await Commands.StartAsync(new StartRunRequest(tenantId, goal, 5, 1m, correlationId, null, null, "http", null));
        return started.RunId;
    }

    /// <summary>Advances the run, has <paramref name="approver"/> decide every approval it waits for, and advances it to its end.</summary>
    public async Task RunToEndAsync(string runId, bool approve = true, string approver = "ana")
    {
        while (await LoopDriver.DriveAsync(Runner, Journal, runId, Clock) == DriveOutcome.AwaitingApproval)
        {
            var state = await RunReader.LoadAsync(Journal, runId);
            foreach (var pending in state.PendingApprovals.ToList())
            {
                await Commands.DecideApprovalAsync(state.TenantId, runId, pending.StepId, approve, approver, approve ? "checked the address" : "not this customer");
            }
        }
    }

    /// <summary>Starts and finishes one refund run; returns its id.</summary>
    public async Task<string> CompleteRunAsync(string tenantId = "tenant-a", string? correlationId = "session-7")
    {
        var runId = await StartAsync(tenantId, correlationId);
        await RunToEndAsync(runId);
        return runId;
    }

    public async Task<List<RunEvent>> EventsAsync(string runId)
    {
        var events = new List<RunEvent>();
        await foreach (var e in Journal.ReadAsync(runId))
        {
            events.Add(e);
        }

        return events;
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
