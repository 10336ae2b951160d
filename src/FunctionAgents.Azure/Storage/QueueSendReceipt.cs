namespace FunctionAgents.Azure.Storage;

/// <summary>What the service says about a message it accepted.</summary>
public sealed record QueueSendReceipt(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn);
