namespace FunctionAgents.Http.Streaming;

/// <summary>The data of the stream's closing <c>end</c> event.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">Its final status (<c>completed</c>, <c>failed</c>, <c>cancelled</c>).</param>
/// <param name="LastSeq">The Seq of its last event.</param>
public sealed record StreamEnd(string RunId, string Status, long LastSeq);
