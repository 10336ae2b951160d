namespace FunctionAgents.Http.Contracts;

/// <summary>The answer to POST /api/runs; the URIs are root-relative (<c>/api/runs/{runId}</c>).</summary>
/// <param name="Created">False when the Idempotency-Key already had this run.</param>
public sealed record StartRunResponse(string RunId, bool Created, string StatusUri, string EventsUri, string CancelUri);
