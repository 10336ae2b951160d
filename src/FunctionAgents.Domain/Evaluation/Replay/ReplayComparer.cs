using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>
/// Decides whether a replayed event equals the recorded one. Compared: type, actor, causation and the payload
/// (property order ignored). Not compared: time, hash chain and the envelope values a run shares. One payload
/// field is read relative to the event's time: ApprovalRequested's expiresAt counts as the approval window
/// (expiresAt minus the event time, in whole seconds), because the engine clock that stamped it is not replayed exactly.
/// </summary>
public static class ReplayComparer
{
    private const string ExpiresAt = "expiresAt";

    /// <summary>The first Seq where <paramref name="replayed"/> differs from <paramref name="recorded"/>, or null when they are equal.</summary>
    public static ReplayDivergence? FirstDivergence(IReadOnlyList<RunEvent> recorded, IReadOnlyList<RunEvent> replayed)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(replayed);
        for (var i = 0; i < Math.Max(recorded.Count, replayed.Count); i++)
        {
            var divergence = Compare(i + 1, i < recorded.Count ? recorded[i] : null, i < replayed.Count ? replayed[i] : null);
            if (divergence is not null)
            {
                return divergence;
            }
        }

        return null;
    }

    /// <summary>Compares the events at one Seq; either may be missing.</summary>
    public static ReplayDivergence? Compare(long seq, RunEvent? recorded, RunEvent? replayed)
    {
        var difference = (recorded, replayed) switch
        {
            (null, null) => null,
            (null, _) => "the recording has no event here; the replay added one",
            (_, null) => "the replay produced no event here",
            _ => Difference(recorded, replayed),
        };
        return difference is null
            ? null
            : new ReplayDivergence(seq, recorded is null ? null : EventSnapshot.Of(recorded), replayed is null ? null : EventSnapshot.Of(replayed), difference);
    }

    private static string? Difference(RunEvent recorded, RunEvent replayed)
    {
        if (!string.Equals(recorded.Type, replayed.Type, StringComparison.Ordinal))
        {
            return $"type {recorded.Type} vs {replayed.Type}";
        }

        if (!string.Equals(recorded.Actor, replayed.Actor, StringComparison.Ordinal))
        {
            return $"actor {recorded.Actor} vs {replayed.Actor}";
        }

        if (recorded.CausationSeq != replayed.CausationSeq)
        {
            return string.Create(CultureInfo.InvariantCulture, $"causation Seq {recorded.CausationSeq?.ToString(CultureInfo.InvariantCulture) ?? "none"} vs {replayed.CausationSeq?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }

        if (string.Equals(recorded.Payload, replayed.Payload, StringComparison.Ordinal))
        {
            return null;
        }

        using var a = JsonDocument.Parse(recorded.Payload);
        using var b = JsonDocument.Parse(replayed.Payload);
        var window = recorded.Type == nameof(ApprovalRequested);
        if (window && ApprovalWindow(a.RootElement, recorded.OccurredAt) != ApprovalWindow(b.RootElement, replayed.OccurredAt))
        {
            return $"payload at $.{ExpiresAt} (approval window)";
        }

        return JsonDifference.First(a.RootElement, b.RootElement, "$", window ? ExpiresAt : null) is { } path
            ? $"payload at {path}"
            : null;
    }

    private static long? ApprovalWindow(JsonElement payload, DateTimeOffset occurredAt) =>
        payload.TryGetProperty(ExpiresAt, out var value) && value.TryGetDateTimeOffset(out var expires)
            ? (long)Math.Round((expires - occurredAt).TotalSeconds)
            : null;
}

/// <summary>The first Seq at which the replayed run differs from the recorded one, with both versions.</summary>
/// <param name="Recorded">The recorded event at <paramref name="Seq"/>, or null when the recording has none there.</param>
/// <param name="Replayed">The replayed event at <paramref name="Seq"/>, or null when the replay produced none there.</param>
/// <param name="Difference">What differs, e.g. <c>type ToolApproved vs ToolRejected</c> or <c>payload at $.reason</c>.</param>
public sealed record ReplayDivergence(long Seq, EventSnapshot? Recorded, EventSnapshot? Replayed, string Difference)
{
    public override string ToString() =>
        $"Seq {Seq}: {Difference}{Environment.NewLine}  recorded: {Recorded?.ToString() ?? "(none)"}{Environment.NewLine}  replayed: {Replayed?.ToString() ?? "(none)"}";
}

/// <summary>The parts of an event that replay compares: everything but time and the hash chain.</summary>
public sealed record EventSnapshot(long Seq, string Type, string Actor, long? CausationSeq, string Payload)
{
    public static EventSnapshot Of(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventSnapshot(e.Seq, e.Type, e.Actor, e.CausationSeq, e.Payload);
    }

    public override string ToString() => $"{Seq} {Type} by {Actor}: {Payload}";
}
