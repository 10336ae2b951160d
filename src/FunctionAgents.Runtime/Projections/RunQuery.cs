using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Projections;

/// <summary>Filters for listing a tenant's runs; times compare with the run's creation time.</summary>
public sealed record RunQuery(string TenantId, RunStatus? Status, DateTimeOffset? From, DateTimeOffset? To, string? ContinuationToken, int PageSize = 50);
