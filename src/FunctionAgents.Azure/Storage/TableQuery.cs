namespace FunctionAgents.Azure.Storage;

/// <summary>What a table query asks for. Build <see cref="Filter"/> with <see cref="TableFilter"/> so values are escaped.</summary>
public sealed record TableQuery
{
    /// <summary>The OData <c>$filter</c> expression, or null for every entity.</summary>
    public string? Filter { get; init; }

    /// <summary>The properties to return (<c>$select</c>), or null for all.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>The most entities to return in total, across pages, or null for no limit.</summary>
    public int? Top { get; init; }

    /// <summary>Entities per request page, 1 to 1,000 (the service's maximum).</summary>
    public int PageSize { get; init; } = 1000;
}
