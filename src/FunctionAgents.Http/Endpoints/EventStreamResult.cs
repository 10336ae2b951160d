using System.Text.Json;
using FunctionAgents.Domain.Events;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Endpoints;

/// <summary>
/// Writes <c>{ "runId": …, "events": [ … ] }</c> while the journal is read, flushing every few events. Each event
/// is its stored envelope with the payload as JSON (not a string), so a client can recompute the hash chain.
/// </summary>
internal sealed class EventStreamResult : IResult
{
    private const int FlushEvery = 32;

    private readonly string _runId;
    private readonly IAsyncEnumerable<RunEvent> _events;

    public EventStreamResult(string runId, IAsyncEnumerable<RunEvent> events)
    {
        _runId = runId;
        _events = events;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("runId", _runId);
        writer.WriteStartArray("events");
        var pending = 0;
        await foreach (var e in _events.WithCancellation(httpContext.RequestAborted))
        {
            Write(writer, e);
            if (++pending == FlushEvery)
            {
                await writer.FlushAsync(httpContext.RequestAborted);
                pending = 0;
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>One event as its stored envelope, the payload as JSON (shared with the live stream).</summary>
    internal static void Write(Utf8JsonWriter writer, RunEvent e)
    {
        writer.WriteStartObject();
        writer.WriteNumber("seq", e.Seq);
        writer.WriteString("type", e.Type);
        writer.WriteString("actor", e.Actor);
        writer.WriteString("occurredAt", e.OccurredAt);
        writer.WriteString("tenantId", e.TenantId);
        writer.WriteString("correlationId", e.CorrelationId);
        if (e.CausationSeq is { } causation)
        {
            writer.WriteNumber("causationSeq", causation);
        }
        else
        {
            writer.WriteNull("causationSeq");
        }

        writer.WriteString("traceParent", e.TraceParent);
        writer.WriteNumber("schemaVersion", e.SchemaVersion);
        writer.WritePropertyName("payload");
        writer.WriteRawValue(e.Payload);
        writer.WriteString("prevHash", e.PrevHash);
        writer.WriteString("hash", e.Hash);
        writer.WriteEndObject();
    }
}
