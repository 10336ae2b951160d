using Azure.Data.Tables;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// An entity's size as the Table service counts it against its 1 MiB limit: 4 bytes, plus the keys in
/// UTF-16, plus for each property 8 bytes, its name in UTF-16 and its value (strings in UTF-16 plus 4).
/// </summary>
internal static class TableEntitySize
{
    public const int MaxEntityBytes = 1024 * 1024;

    public const int MaxStringChars = 32 * 1024;

    public static long Compute(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
            {
                continue;
            }

            size += 8 + (name.Length * 2L) + value switch
            {
                string s => 4 + (s.Length * 2L),
                byte[] b => 4 + b.LongLength,
                BinaryData d => 4 + d.ToMemory().Length,
                long or double or DateTime or DateTimeOffset => 8,
                int => 4,
                bool => 1,
                Guid => 16,
                _ => throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(entity)),
            };
        }

        return size;
    }
}
