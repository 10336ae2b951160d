using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Http.Contracts;

/// <summary>One run in a listing (from the run index, which may trail the journal by a moment).</summary>
public sealed record RunListItem(
    string RunId, RunStatus Status, string Goal, string CorrelationId, string Source, decimal CostUsd, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string StatusUri);
