namespace FunctionAgents.Host.Azurite;

/// <summary>What the launcher needs besides the storage connection.</summary>
/// <param name="StorageSetting">The AzureWebJobsStorage value (null for an identity-based connection).</param>
/// <param name="ContentRoot">Where the search for the repository's node_modules starts.</param>
internal sealed record AzuriteLauncherOptions(string? StorageSetting, string ContentRoot);
