using System.Buffers.Text;
using System.Text;

namespace FunctionAgents.Azure.Runs;

/// <summary>
/// The opaque continuation token of a run listing: base64url of a version tag and the last RowKey returned.
/// Listing resumes after that key (keyset paging), so a token stays valid while runs are added.
/// </summary>
internal static class RunListToken
{
    private const string Version = "v1:";

    public static string Encode(string lastRowKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + lastRowKey));

    /// <exception cref="FormatException">Not a token this index issued.</exception>
    public static string Decode(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException ex)
        {
            throw new FormatException("continuationToken is not a token this API issued.", ex);
        }

        return text.StartsWith(Version, StringComparison.Ordinal) && RunSummaryEntity.IsUsableKey(text[Version.Length..])
            ? text[Version.Length..]
            : throw new FormatException("continuationToken is not a token this API issued.");
    }
}
