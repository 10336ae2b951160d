namespace FunctionAgents.Domain.Policy;

/// <summary>The result of one matcher against one tool call.</summary>
internal enum ConditionOutcome
{
    False,
    True,

    /// <summary>A regex ran out of time; the rule treats the matcher as true and escalates to deny.</summary>
    TimedOut,
}
