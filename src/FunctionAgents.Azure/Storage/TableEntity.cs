namespace FunctionAgents.Azure.Storage;

/// <summary>
/// A table entity as a property bag. Values are one of: <see cref="string"/>, <see cref="long"/> (Edm.Int64),
/// <see cref="int"/> (Edm.Int32), <see cref="bool"/>, <see cref="double"/>, <see cref="DateTime"/>
/// (Edm.DateTime, stored as UTC to 100 ns), <see cref="byte"/>[] (Edm.Binary) and <see cref="Guid"/>;
/// each comes back from storage as the same type. Setting a property to null removes it.
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The service's last-modified time; set on entities read from storage.</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary>The entity's ETag; set on entities read from storage.</summary>
    public string? ETag { get; internal set; }

    /// <summary>The custom properties (not PartitionKey, RowKey or Timestamp).</summary>
    public IReadOnlyDictionary<string, object> Properties => _properties;

    /// <summary>Gets a property or null; sets it (null removes it). Throws <see cref="ArgumentException"/> for an unsupported type or a reserved name.</summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a valid custom property name.", nameof(name));
            }

            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            if (!IsSupported(value))
            {
                throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which tables do not store; use string, long, int, bool, double, DateTime, byte[] or Guid.", nameof(value));
            }

            _properties[name] = value;
        }
    }

    public string? GetString(string name) => Get<string>(name);

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    public long? GetInt64(string name) => GetValue<long>(name);

    public int? GetInt32(string name) => GetValue<int>(name);

    public bool? GetBoolean(string name) => GetValue<bool>(name);

    public double? GetDouble(string name) => GetValue<double>(name);

    public DateTime? GetDateTime(string name) => GetValue<DateTime>(name);

    public Guid? GetGuid(string name) => GetValue<Guid>(name);

    internal static bool IsSupported(object value) =>
        value is string or long or int or bool or double or DateTime or byte[] or Guid;

    private T? Get<T>(string name)
        where T : class =>
        _properties.TryGetValue(name, out var value)
            ? value as T ?? throw WrongType(name, value, typeof(T))
            : null;

    private T? GetValue<T>(string name)
        where T : struct =>
        _properties.TryGetValue(name, out var value)
            ? value is T typed ? typed : throw WrongType(name, value, typeof(T))
            : null;

    private InvalidOperationException WrongType(string name, object value, Type wanted) =>
        new($"Property '{name}' of entity ({PartitionKey}, {RowKey}) is {value.GetType().Name}, not {wanted.Name}.");
}
