namespace FunctionAgents.Azure.Storage;

/// <summary>How queue message text is encoded in the message body.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Base64 of the UTF-8 bytes: what Azure Functions queue triggers decode by default.</summary>
    Base64,

    /// <summary>The text as is (XML-escaped on the wire).</summary>
    None,
}
