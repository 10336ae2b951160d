using Azure.Data.Tables;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Builds OData <c>$filter</c> text with values written as escaped literals, for example
/// <c>TableFilter.Create($"PartitionKey eq {runId} and EventTime ge {since}")</c>; the SDK's
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/> does the escaping.
/// </summary>
public static class TableFilter
{
    /// <summary>Formats <paramref name="filter"/>, turning every interpolated value into an OData literal.</summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return TableClient.CreateQueryFilter(filter);
    }

    /// <summary>The OData literal for one value (<c>'text'</c>, <c>42L</c>, <c>datetime'…'</c>, …), as the SDK writes it.</summary>
    public static string Literal(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TableClient.CreateQueryFilter($"{value}");
    }
}
