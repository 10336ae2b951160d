namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The answer to the user, composed from the observations; <paramref name="Sources"/> cite them.</summary>
/// <param name="Builder"><c>offline</c> or a model deployment.</param>
public sealed record ResponseDrafted(string Text, IReadOnlyList<string> Sources, string Builder) : EventPayload;
