using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Projections;

/// <summary>
/// The runs-by-tenant and runs-by-day projections the API, the sweeper and the nightly evaluator read.
/// Never the source of truth: every row can be rebuilt from the journal.
/// </summary>
public interface IRunIndex
{
    /// <summary>Adds the run if it is not indexed yet; an existing row is left as it is.</summary>
    Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default);

    /// <summary>Writes the run's current summary (insert or replace).</summary>
    Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default);

    /// <summary>The run if it belongs to <paramref name="tenantId"/>; null for an unknown run or another tenant's.</summary>
    Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default);

    Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every run created on <paramref name="day"/> (UTC), any tenant, streamed.</summary>
    IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Runs not finished whose summary was last updated before <paramref name="updatedBefore"/>, streamed.</summary>
    IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default);
}

/// <summary>A page of runs and the token for the next page (null on the last).</summary>
public sealed record RunPage(IReadOnlyList<RunSummary> Runs, string? ContinuationToken);

/// <summary>Filters for listing a tenant's runs; times compare with the run's creation time.</summary>
public sealed record RunQuery(string TenantId, RunStatus? Status, DateTimeOffset? From, DateTimeOffset? To, string? ContinuationToken, int PageSize = 50);
