namespace FunctionAgents.Host.Hosting;

/// <summary>What the builder decided that the started host reports.</summary>
/// <param name="GeneratedApiKey">The <c>dev:key</c> entry generated because no key was configured (Development only).</param>
internal sealed record StartupReport(string? GeneratedApiKey);
