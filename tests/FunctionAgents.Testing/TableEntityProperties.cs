using Azure.Data.Tables;

namespace FunctionAgents.Testing;

/// <summary>An SDK <see cref="TableEntity"/>'s own properties, without the keys and service metadata the SDK keeps in the same dictionary.</summary>
public static class TableEntityProperties
{
    private static readonly HashSet<string> SystemNames = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    /// <summary>Every property except PartitionKey, RowKey, Timestamp and the ETag.</summary>
    public static Dictionary<string, object> CustomProperties(this TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Where(p => !SystemNames.Contains(p.Key) && p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
