namespace FunctionAgents.Azure.Privacy;

/// <summary>The tables of personal-data protection, before any per-deployment prefix.</summary>
internal static class PrivacyTables
{
    /// <summary>Wrapped data keys, subjects (by reference) and their runs.</summary>
    public const string DataKeys = "AgentDataKeys";

    /// <summary>The erasure log.</summary>
    public const string Erasures = "AgentErasures";
}
