using System.Text;

namespace FunctionAgents.Azure.Storage;

/// <summary>Table names, entity keys and the URL paths built from them.</summary>
internal static class TableKeys
{
    /// <summary>Table names: 3–63 letters and digits, starting with a letter.</summary>
    public static void ValidateTableName(string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        if (table.Length is < 3 or > 63 || !char.IsAsciiLetter(table[0]) || !table.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Table name '{table}' is invalid: 3 to 63 letters and digits, starting with a letter.", nameof(table));
        }
    }

    /// <summary>PartitionKey and RowKey: up to 1 KiB, no '/', '\\', '#', '?' or control characters.</summary>
    public static void Validate(string key, string which)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > 1024)
        {
            throw new ArgumentException($"{which} is {key.Length} characters; at most 1024 are allowed.", which);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{which} '{key}' contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}', which tables do not allow in keys.", which);
            }
        }
    }

    /// <summary><c>/table(PartitionKey='…',RowKey='…')</c> with quotes doubled and values percent-encoded.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey)
    {
        Validate(partitionKey, "PartitionKey");
        Validate(rowKey, "RowKey");
        return new StringBuilder()
            .Append('/').Append(table)
            .Append("(PartitionKey='").Append(EscapeKey(partitionKey))
            .Append("',RowKey='").Append(EscapeKey(rowKey))
            .Append("')")
            .ToString();
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
