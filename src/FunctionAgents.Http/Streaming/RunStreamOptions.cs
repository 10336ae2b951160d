namespace FunctionAgents.Http.Streaming;

/// <summary>How <c>GET /api/runs/{runId}/stream</c> paces itself.</summary>
/// <param name="PollInterval">How often the journal is read for new events while the run is live.</param>
/// <param name="HeartbeatInterval">The longest silence before a comment line keeps proxies from closing the connection.</param>
/// <param name="MaxDuration">
/// The longest one response lasts; the client then reconnects with <c>Last-Event-ID</c> and loses nothing. The Functions
/// app needs this under the front end's 230-second idle limit; the local host can hold a stream for much longer.
/// </param>
public sealed record RunStreamOptions(TimeSpan PollInterval, TimeSpan HeartbeatInterval, TimeSpan MaxDuration)
{
    /// <summary>Defaults that suit both hosts: 250 ms polls, a heartbeat every 15 s, a reconnect after 3 minutes.</summary>
    public static RunStreamOptions Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(3));
}
