using System.Collections.Immutable;
using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Runs;

/// <summary>
/// A run's state: nothing but <c>fold(RunEvolver.Evolve, journal events)</c>. Never stored.
/// </summary>
public sealed record RunState
{
    public static RunState Empty { get; } = new();

    public string RunId { get; init; } = string.Empty;

    public string TenantId { get; init; } = string.Empty;

    public string CorrelationId { get; init; } = string.Empty;

    public string TraceParent { get; init; } = string.Empty;

    public RunStatus Status { get; init; } = RunStatus.NotStarted;

    public string Goal { get; init; } = string.Empty;

    public int MaxSteps { get; init; }

    public decimal BudgetUsd { get; init; }

    public DateTimeOffset Deadline { get; init; }

    public string Source { get; init; } = string.Empty;

    public string? IdempotencyKey { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Seq of the last folded event (0 before the first).</summary>
    public long LastSeq { get; init; }

    /// <summary>Hash of the last folded event: the next event's PrevHash.</summary>
    public string LastHash { get; init; } = EventHasher.GenesisHash;

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public AgentPlan? Plan { get; init; }

    public string? Planner { get; init; }

    public IReadOnlyList<PlanViolation> PlanErrors { get; init; } = [];

    public ImmutableList<StepState> Steps { get; init; } = [];

    public decimal CostUsd { get; init; }

    public int ToolCalls { get; init; }

    public int TicketsCreated { get; init; }

    public int EmailsSent { get; init; }

    public int ModelCalls { get; init; }

    /// <summary>Set once BudgetExceeded was recorded.</summary>
    public string? BudgetStop { get; init; }

    public string? DraftResponse { get; init; }

    public IReadOnlyList<string> ResponseSources { get; init; } = [];

    public string? Response { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureReason { get; init; }

    public string? CancelReason { get; init; }

    public string? StoppedEarly { get; init; }

    /// <summary>Seq of the last event of each type, for causation.</summary>
    public ImmutableDictionary<string, long> LastSeqByType { get; init; } = ImmutableDictionary<string, long>.Empty;

    public RunIdentity Identity => new(RunId, TenantId, CorrelationId, TraceParent);

    public bool IsFinished => Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;

    public int StepsExecuted => Steps.Count(s => s.Phase == StepPhase.Executed);

    public RunMetrics Metrics => new(ToolCalls, TicketsCreated, EmailsSent, CostUsd, StepsExecuted);

    public StepState? FindStep(string stepId) => Steps.Find(s => s.Id == stepId);

    /// <summary>Tool calls waiting for a human; none once the run has finished (a cancelled run waits for nobody).</summary>
    public IEnumerable<PendingApproval> PendingApprovals => IsFinished
        ? []
        : Steps.Where(s => s.Phase == StepPhase.AwaitingApproval && s.Approval is not null).Select(s => s.Approval!);

    public long? SeqOf(string eventType) => LastSeqByType.TryGetValue(eventType, out var seq) ? seq : null;
}

/// <summary>A tool call waiting for a human, as requested by policy.</summary>
public sealed record PendingApproval(
    string StepId,
    string Tool,
    JsonElement Input,
    IReadOnlyList<PolicyRuleMatch> Rules,
    string Reason,
    string PolicyVersion,
    DateTimeOffset ExpiresAt,
    PolicyAction OnTimeout,
    long RequestedSeq);
