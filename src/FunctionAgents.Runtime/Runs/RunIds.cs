using System.Security.Cryptography;
using System.Text;

namespace FunctionAgents.Runtime.Runs;

/// <summary>
/// Run ids. With an Idempotency-Key the id is derived from (tenant, key), so a repeated start lands on the
/// same RunStarted row and can never create a second run.
/// </summary>
public static class RunIds
{
    public static string FromIdempotencyKey(string tenantId, string key) =>
        "run-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{key}")))[..32];

    public static string New() => "run-" + Guid.NewGuid().ToString("N");

    /// <summary>A fresh W3C traceparent (version 00, sampled).</summary>
    public static string NewTraceParent() =>
        $"00-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01";
}
