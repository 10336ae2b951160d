namespace FunctionAgents.Core.Engine;

/// <summary>A received "advance this run" message and what is needed to renew or complete it.</summary>
public sealed record WorkItem(string MessageId, string PopReceipt, string RunId, long DequeueCount);
