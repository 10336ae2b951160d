using System.Text.Json.Nodes;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

public sealed partial class PersonalDataJournal
{
    /// <summary>
    /// Encrypts the batch's personal-data fields with the run's data key and recomputes the hash chain over
    /// the ciphertext, from the batch's first PrevHash (the stored hash of the event before it).
    /// </summary>
    /// <exception cref="KeyStoreUnavailableException">The key store is unreachable; nothing may be appended.</exception>
    public async Task<ProtectedBatch> ProtectAsync(IReadOnlyList<RunEvent> sealedEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealedEvents);
        if (sealedEvents.Count == 0 || !sealedEvents.Any(e => PersonalDataFields.Of(e.Type).Count > 0))
        {
            return ProtectedBatch.AsIs(sealedEvents);
        }

        var runId = sealedEvents[0].RunId;
        DataKey? key;
        if (_runKeys.TryGetValue(runId, out var keyId))
        {
            // The key id of a run never changes, but the key itself may be destroyed at any time by an erasure in any
            // process: look it up for every batch (the key store's cache bounds how stale that answer may be).
            key = keyId is null ? null : (await _keys.FindAsync(sealedEvents[0].TenantId, keyId, cancellationToken)).Key;
        }
        else
        {
            (keyId, var lookup) = await RunKeyAsync(sealedEvents, cancellationToken);
            key = lookup.Key;
            if (_runKeys.Count >= MaxCachedRunKeys)
            {
                _runKeys.Clear();
            }

            _runKeys[runId] = keyId;
        }

        if (key is not null)
        {
            await LinkSubjectsAsync(sealedEvents, key, cancellationToken);
        }

        var stored = new List<RunEvent>(sealedEvents.Count);
        var revealed = new List<RunEvent>(sealedEvents.Count);
        var previous = sealedEvents[0].PrevHash;
        foreach (var e in sealedEvents)
        {
            var payload = Encrypt(e, key);
            var hash = EventHasher.Compute(
                previous, e.RunId, e.Seq, e.Type, e.OccurredAt, e.Actor, e.TenantId, e.CorrelationId, e.CausationSeq, payload);
            stored.Add(e with { Payload = payload, PrevHash = previous, Hash = hash });

            // A subject erased while its run was still going: the new data is dropped, never stored in the clear.
            revealed.Add(e with { Payload = key is null ? payload : e.Payload, PrevHash = previous, Hash = hash });
            previous = hash;
        }

        return new ProtectedBatch(stored, revealed);
    }

    private static string Encrypt(RunEvent e, DataKey? key)
    {
        var paths = PersonalDataFields.Of(e.Type);
        if (paths.Count == 0)
        {
            return e.Payload;
        }

        var root = JsonNode.Parse(e.Payload) ?? throw new InvalidOperationException($"Event {e.RunId}:{e.Seq} has a null payload.");
        foreach (var path in paths)
        {
            var context = FieldCipher.Context(e.RunId, e.Seq, e.Type, path);
            JsonFieldPath.Rewrite(root, path, value => FieldCipher.IsEnvelope(value, out _)
                ? value.DeepClone()
                : key is null ? JsonValue.Create(PersonalData.ErasedText) : FieldCipher.Encrypt(key, context, value));
        }

        return root.ToJsonString();
    }

    /// <summary>
    /// The run's data key: one key per run, created with the run in one request (<see cref="IDataKeyStore.GetOrCreateRunKeyAsync"/>),
    /// found by its derived id on the run's later batches. A run journaled before derived ids keeps the key its goal was
    /// encrypted with (a subject's key, or a random per-run key), so it stays readable and erasable without a migration.
    /// </summary>
    private async Task<(string KeyId, DataKeyLookup Lookup)> RunKeyAsync(IReadOnlyList<RunEvent> batch, CancellationToken cancellationToken)
    {
        var first = batch[0];
        var start = batch.FirstOrDefault(e => e.Type == nameof(RunStarted));
        if (start is null)
        {
            var derived = RunKeyIds.Of(first.TenantId, first.RunId);
            var lookup = await _keys.FindAsync(first.TenantId, derived, cancellationToken);
            if (lookup.Key is not null || lookup.Erased)
            {
                return (derived, lookup);
            }

            // An older layout's run: its key id is in the stored RunStarted's goal.
            await foreach (var e in _stored.ReadAsync(first.RunId, 1, 1, cancellationToken))
            {
                start = e;
            }
        }

        if (start is null)
        {
            throw new InvalidOperationException($"Run {first.RunId} has no RunStarted; its personal data has no subject.");
        }

        var goal = JsonNode.Parse(start.Payload)?["goal"];
        if (FieldCipher.IsEnvelope(goal, out var keyId))
        {
            return (keyId, await _keys.FindAsync(start.TenantId, keyId, cancellationToken));
        }

        // The run's first batch: its key and the people the batch names are written in one request.
        var derivedId = RunKeyIds.Of(start.TenantId, start.RunId);
        var fresh = FreshSubjects(batch, derivedId);
        try
        {
            var created = await _keys.GetOrCreateRunKeyAsync(start.TenantId, start.RunId, fresh, cancellationToken);
            return (created.Key?.KeyId ?? derivedId, created);
        }
        catch
        {
            Forget(batch[0].RunId, derivedId, fresh); // not linked: the retried step links them again
            throw;
        }
    }
}
