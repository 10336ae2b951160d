namespace FunctionAgents.Domain.Events;

// The answer: drafted, then finalized.

/// <summary>The answer to the user, composed from the observations; <paramref name="Sources"/> cite them.</summary>
/// <param name="Builder"><c>offline</c> or a model deployment.</param>
public sealed record ResponseDrafted(string Text, IReadOnlyList<string> Sources, string Builder) : EventPayload;

/// <summary>The answer passed the response checks and is what the user receives.</summary>
public sealed record ResponseFinalized(string Text) : EventPayload;
