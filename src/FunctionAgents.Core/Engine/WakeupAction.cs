namespace FunctionAgents.Core.Engine;

/// <summary>What <see cref="DurableWakeup"/> decided: schedule the orchestration, and/or raise these events.</summary>
public sealed record WakeupAction(bool StartOrchestration, IReadOnlyList<string> RaiseEvents);
