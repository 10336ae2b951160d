using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tools.Email;

/// <summary>
/// <c>send_email</c>: queues one email in the outbox, keyed by the dispatch id; nothing leaves the machine here.
/// The message id is derived from the dispatch id (<c>MSG-</c> + 10 hex digits), so a repeated dispatch returns the
/// same message and queues nothing new. Output: <c>{ messageId, to, subject, status: "queued", queuedAt }</c>.
/// </summary>
public sealed partial class SendEmailTool : ITool
{
    private const int MaxAddressLength = 254;
    private const int MaxSubjectLength = 200;
    private const int MaxBodyLength = 10_000;

    private static readonly JsonElement Schema = ToolJson.Parse("""
        {
          "type": "object",
          "properties": {
            "to": {
              "type": "string",
              "description": "Exactly one recipient email address. In a plan this may be a reference to an earlier step's output, e.g. \"{{steps.s2.output.rows[0].email}}\".",
              "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"
            },
            "subject": {
              "type": "string",
              "description": "Subject line, at most 200 characters.",
              "pattern": "\\S"
            },
            "body": {
              "type": "string",
              "description": "Plain-text body, at most 10000 characters. May contain references such as {{steps.s1.output.results[0].text}}.",
              "pattern": "\\S"
            }
          },
          "required": ["to", "subject", "body"],
          "additionalProperties": false
        }
        """);

    private readonly IEmailOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ToolLimits _limits;

    /// <param name="timeProvider">Stamps <see cref="OutboxEmail.QueuedAt"/>.</param>
    /// <param name="limits">Defaults to <see cref="DefaultLimits"/>.</param>
    public SendEmailTool(IEmailOutbox outbox, TimeProvider timeProvider, ToolLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _outbox = outbox;
        _time = timeProvider;
        _limits = limits ?? DefaultLimits;
    }

    /// <summary>10 s, 0.002 USD per call, 4 KiB of output.</summary>
    public static ToolLimits DefaultLimits { get; } = new(TimeSpan.FromSeconds(10), 0.002m, 4 * 1024);

    public string Name => "send_email";

    public string Description =>
        "Queues a plain-text email to one recipient in the Kestrel Goods outbox (delivery happens separately); returns the message id.";

    public JsonElement InputSchema => Schema;

    public TimeSpan Timeout => _limits.Timeout;

    public decimal CostPerCallUsd => _limits.CostPerCallUsd;

    public int OutputCapBytes => _limits.OutputCapBytes;

    public async Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var to = ToolJson.RequiredString(invocation.Input, "to", MaxAddressLength).Trim();
        if (!EmailAddress().IsMatch(to))
        {
            throw new ToolInputException("'to' must be exactly one email address.");
        }

        var subject = ToolJson.RequiredString(invocation.Input, "subject", MaxSubjectLength).Trim();
        var body = ToolJson.RequiredString(invocation.Input, "body", MaxBodyLength);

        var email = new OutboxEmail(
            invocation.DispatchId,
            DispatchKeyedId.Create("MSG", invocation.DispatchId),
            invocation.TenantId,
            invocation.RunId,
            to,
            subject,
            body,
            _time.GetUtcNow());
        var stored = await _outbox.EnqueueAsync(email, cancellationToken).ConfigureAwait(false);

        return ToolJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", stored.MessageId);
            writer.WriteString("to", stored.To);
            writer.WriteString("subject", stored.Subject);
            writer.WriteString("status", "queued");
            writer.WriteString("queuedAt", stored.QueuedAt);
            writer.WriteEndObject();
        });
    }

    // One address: a local part and a dotted domain, no spaces, no second '@', no template braces.
    [GeneratedRegex(@"^[^@\s{}<>,;]+@[^@\s{}<>,;]+\.[^@\s{}<>,;.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
