namespace FunctionAgents.Azure.Runs;

/// <summary>
/// What goes to a <c>-poison</c> queue: why the message could not be processed, when and after how many
/// deliveries it was received, and the original message text exactly as it arrived.
/// </summary>
internal sealed record PoisonEnvelope(string Reason, DateTimeOffset ReceivedAt, long DequeueCount, string Message);
