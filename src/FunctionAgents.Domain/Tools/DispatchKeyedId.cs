using System.Security.Cryptography;
using System.Text;

namespace FunctionAgents.Domain.Tools;

/// <summary>Ids of side effects derived from the dispatch id alone, so a retried dispatch names the same record.</summary>
public static class DispatchKeyedId
{
    /// <summary><paramref name="prefix"/> + "-" + the first 10 hex digits (upper case) of SHA-256(dispatch id).</summary>
    public static string Create(string prefix, string dispatchId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatchId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(dispatchId));
        return $"{prefix}-{Convert.ToHexString(hash)[..10]}";
    }
}
