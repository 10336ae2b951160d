using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tools.Tickets;

/// <summary>
/// <c>create_ticket</c>: stores a support ticket keyed by the dispatch id. The ticket id is derived from the
/// dispatch id (<c>TCK-</c> + 10 hex digits), so a repeated dispatch returns the same ticket and writes nothing new.
/// Output: <c>{ ticketId, title, priority, createdAt }</c> of the stored ticket.
/// </summary>
public sealed class CreateTicketTool : ITool
{
    private const int MaxTitleLength = 200;
    private const int MaxBodyLength = 4000;

    private static readonly JsonElement Schema = ToolJson.Parse("""
        {
          "type": "object",
          "properties": {
            "title": {
              "type": "string",
              "description": "One-line summary of the ticket, at most 200 characters (e.g. \"Refund request for order 1042\").",
              "pattern": "\\S"
            },
            "body": {
              "type": "string",
              "description": "What happened and what the support team should do, at most 4000 characters; cite order facts and policy passages.",
              "pattern": "\\S"
            },
            "priority": {
              "type": "string",
              "description": "How urgent the ticket is: low, normal, high or urgent (urgent pages the on-call engineer).",
              "enum": ["low", "normal", "high", "urgent"]
            }
          },
          "required": ["title", "body", "priority"],
          "additionalProperties": false
        }
        """);

    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    private readonly ITicketStore _store;
    private readonly TimeProvider _time;
    private readonly ToolLimits _limits;

    /// <param name="timeProvider">Stamps <see cref="TicketRecord.CreatedAt"/>.</param>
    /// <param name="limits">Defaults to <see cref="DefaultLimits"/>.</param>
    public CreateTicketTool(ITicketStore store, TimeProvider timeProvider, ToolLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _time = timeProvider;
        _limits = limits ?? DefaultLimits;
    }

    /// <summary>10 s, 0.002 USD per call, 4 KiB of output.</summary>
    public static ToolLimits DefaultLimits { get; } = new(TimeSpan.FromSeconds(10), 0.002m, 4 * 1024);

    public string Name => "create_ticket";

    public string Description =>
        "Opens a support ticket for the Kestrel Goods support team with a title, a body and a priority; returns the ticket id.";

    public JsonElement InputSchema => Schema;

    public TimeSpan Timeout => _limits.Timeout;

    public decimal CostPerCallUsd => _limits.CostPerCallUsd;

    public int OutputCapBytes => _limits.OutputCapBytes;

    public async Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var title = ToolJson.RequiredString(invocation.Input, "title", MaxTitleLength).Trim();
        var body = ToolJson.RequiredString(invocation.Input, "body", MaxBodyLength).Trim();
        var priority = ToolJson.RequiredString(invocation.Input, "priority", 16);
        if (!Priorities.Contains(priority, StringComparer.Ordinal))
        {
            throw new ToolInputException($"'priority' must be one of {string.Join(", ", Priorities)}.");
        }

        var ticket = new TicketRecord(
            invocation.DispatchId,
            DispatchKeyedId.Create("TCK", invocation.DispatchId),
            invocation.TenantId,
            invocation.RunId,
            title,
            body,
            priority,
            _time.GetUtcNow());
        var stored = await _store.CreateAsync(ticket, cancellationToken).ConfigureAwait(false);

        return ToolJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("ticketId", stored.TicketId);
            writer.WriteString("title", stored.Title);
            writer.WriteString("priority", stored.Priority);
            writer.WriteString("createdAt", stored.CreatedAt);
            writer.WriteEndObject();
        });
    }
}
