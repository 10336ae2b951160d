namespace FunctionAgents.Http.Approvals;

/// <summary>GET /api/approvals: the steps waiting for a decision in one page of the caller's runs, soonest expiry first.</summary>
/// <param name="ContinuationToken">The token for the next page of runs awaiting approval; null on the last.</param>
public sealed record ApprovalQueueResponse(IReadOnlyList<ApprovalQueueItem> Approvals, string? ContinuationToken);
