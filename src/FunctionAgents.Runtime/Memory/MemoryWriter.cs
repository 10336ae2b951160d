using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Memory;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Runtime.Memory;

/// <summary>
/// Keeps what a finished <c>long_term</c> run may remember: the question it resolved and the tickets it opened. Runs in
/// the activity that appended RunCompleted (fed like a projection, so a repeat after a crash rewrites the same entries).
/// Every entry is redacted before it is stored (<see cref="PiiRedactor"/>, plus the names in the customer records the
/// run looked up), names its source run and Seq, and is refused with a reason when over the size cap.
/// </summary>
public sealed partial class MemoryWriter : IJournalProjection
{
    /// <summary>Record fields whose values are people's names.</summary>
    public static readonly IReadOnlyList<string> NameFields = ["name", "first_name", "last_name", "full_name", "customer_name"];

    private readonly IMemoryStore _store;
    private readonly MemoryOptions _options;
    private readonly IPolicyEvaluator _policy;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public MemoryWriter(IMemoryStore store, MemoryOptions options, IPolicyEvaluator policy, TimeProvider clock, ILogger<MemoryWriter> logger)
    {
        _store = store;
        _options = options;
        _policy = policy;
        _clock = clock;
        _logger = logger;
    }

    public async Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appended);
        ArgumentNullException.ThrowIfNull(after);
        if (!appended.Any(e => e.Type == nameof(RunCompleted))
            || MemoryScopes.Effective(after.TenantId, after.Metadata, _options).Scope != MemoryScope.LongTerm)
        {
            return;
        }

        var decision = MemoryTools.Decide(_policy, MemoryTools.Write, after);
        if (decision.Action != PolicyAction.Allow)
        {
            Log.WriteDenied(_logger, after.RunId, decision.Reason);
            return;
        }

        foreach (var entry in Entries(after))
        {
            var result = await _store.WriteAsync(entry, cancellationToken);
            if (!result.Stored)
            {
                Log.EntryRefused(_logger, after.RunId, entry.SourceSeq, result.RefusedReason ?? string.Empty);
            }
        }
    }

    /// <summary>The entries a finished run yields, redacted.</summary>
    public IEnumerable<MemoryEntry> Entries(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = _clock.GetUtcNow();
        var expires = now + _options.TtlFor(state.TenantId);
        var names = KnownNames(state);
        if (state.Response is { } response && state.SeqOf(nameof(ResponseFinalized)) is { } answeredAt)
        {
            var text = PiiRedactor.Redact($"Asked: {state.Goal}\nAnswered: {response}", names);
            yield return new MemoryEntry(state.TenantId, $"{state.RunId}:{answeredAt}", "resolved_question", text, state.RunId, answeredAt, now, expires);
        }

        foreach (var step in state.Steps.Where(s => s.Tool == "create_ticket" && s.Observation is { Success: true, Output: { ValueKind: JsonValueKind.Object } }))
        {
            var output = step.Observation!.Output!.Value;
            var ticket = output.TryGetProperty("ticketId", out var id) ? id.ToString() : "(no id)";
            var text = PiiRedactor.Redact($"Ticket {ticket} opened: {step.Objective}", names);
            yield return new MemoryEntry(state.TenantId, $"{state.RunId}:{step.LastSeq}", "ticket", text, state.RunId, step.LastSeq, now, expires);
        }
    }

    /// <summary>Names from the customer records the run looked up (their <see cref="NameFields"/>), and first plus last name.</summary>
    private static List<string> KnownNames(RunState state)
    {
        var names = new List<string>();
        foreach (var output in state.Steps.Select(s => s.Observation?.Output).OfType<JsonElement>())
        {
            Collect(output, names);
        }

        return names;
    }

    private static void Collect(JsonElement element, List<string> names)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            string? Text(string field) => element.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            names.AddRange(NameFields.Select(Text).OfType<string>());
            if (Text("first_name") is { } first && Text("last_name") is { } last)
            {
                names.Add($"{first} {last}");
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, names);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Run {RunId}: a memory entry from Seq {Seq} was refused: {Reason}")]
        public static partial void EntryRefused(ILogger logger, string runId, long seq, string reason);

        [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Run {RunId}: memory not written, the policy does not allow memory_write ({Reason})")]
        public static partial void WriteDenied(ILogger logger, string runId, string reason);
    }
}
