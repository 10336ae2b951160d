using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Evaluation.Trends;

namespace FunctionAgents.Azure.Evaluation;

public sealed partial class TableEvaluationStore : IEvaluationReportCatalog
{
    /// <summary>Reads the newest-first pointer rows <see cref="SaveReportAsync"/> writes beside each report.</summary>
    public async IAsyncEnumerable<string> ListReportIdsAsync(string? tenantId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureTablesAsync(cancellationToken);
        await foreach (var pointer in _tables.QueryPartitionAsync(ReportsTable, LatestPartition, cancellationToken: cancellationToken))
        {
            var owner = pointer.GetString(TenantColumn);
            if ((tenantId is null || string.IsNullOrEmpty(owner) || owner == tenantId) && pointer.GetString(EvaluationIdColumn) is { Length: > 0 } id)
            {
                yield return id;
            }
        }
    }
}
