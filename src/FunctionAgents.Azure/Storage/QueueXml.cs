using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace FunctionAgents.Azure.Storage;

/// <summary>The Queue service's XML bodies and the message text encoding.</summary>
internal static class QueueXml
{
    public static byte[] MessageBody(string wireText) =>
        Encoding.UTF8.GetBytes(new XElement("QueueMessage", new XElement("MessageText", wireText)).ToString(SaveOptions.DisableFormatting));

    public static string Encode(string text, QueueMessageEncoding encoding) =>
        encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    public static string? Decode(string wireText, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return wireText;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(wireText));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static IEnumerable<XElement> Messages(string xml) =>
        XDocument.Parse(xml).Root?.Elements("QueueMessage") ?? [];

    public static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"The queue response lacks <{name}>.");

    public static DateTimeOffset Time(XElement message, string name) =>
        DateTimeOffset.ParseExact(Text(message, name), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
