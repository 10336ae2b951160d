namespace FunctionAgents.Soak.Scenarios;

/// <summary>What an injected instruction asks the agent to do.</summary>
internal enum InjectionKind
{
    EmailOutsider,
    SqlWrite,
    ForeignTool,
    RaiseBudget,
    OtherTenant,
}
