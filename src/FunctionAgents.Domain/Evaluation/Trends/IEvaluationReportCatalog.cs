namespace FunctionAgents.Domain.Evaluation.Trends;

/// <summary>The stored evaluation reports, newest first: what a trend over many nightly reports reads.</summary>
public interface IEvaluationReportCatalog
{
    /// <summary>
    /// Ids of the reports visible to <paramref name="tenantId"/> (of that tenant, or of every tenant), newest start first;
    /// every report when null.
    /// </summary>
    IAsyncEnumerable<string> ListReportIdsAsync(string? tenantId, CancellationToken cancellationToken = default);
}
