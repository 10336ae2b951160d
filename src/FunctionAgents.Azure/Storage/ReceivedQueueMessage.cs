namespace FunctionAgents.Azure.Storage;

/// <summary>A message received from a queue; pass <see cref="MessageId"/> and <see cref="PopReceipt"/> back to update or delete it.</summary>
/// <param name="MessageId">The service's id of the message.</param>
/// <param name="PopReceipt">Proof of this receipt; needed to update or delete the message, replaced by each update.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertedOn">When the message was sent.</param>
/// <param name="ExpiresOn">When the message expires.</param>
/// <param name="NextVisibleOn">When the message becomes visible again unless deleted.</param>
/// <param name="Text">The decoded text, or null when the body is not Base64 of UTF-8 (the encoding Azure Functions queue triggers expect): a poison message, see <paramref name="RawText"/>.</param>
/// <param name="RawText">The message text exactly as stored.</param>
public sealed record ReceivedQueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn,
    string? Text,
    string RawText);
