namespace FunctionAgents.Cli.Watching;

/// <summary>One Server-Sent Events frame: its id (null when the frame set none), event type and data.</summary>
internal sealed record SseFrame(string? Id, string Event, string Data);
