using System.Collections.Concurrent;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

public sealed partial class PersonalDataJournal
{
    // Subjects already linked per run, so a run links each person once per process, not once per batch.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _linked = new(StringComparer.Ordinal);

    /// <summary>
    /// Links to the run every subject the batch names: the run's own subject (metadata <c>subject</c>,
    /// <c>customer_id</c>, <c>customer_email</c> or the goal's email) when the batch starts the run, and every email
    /// address or customer id in a personal-data field (a tool's input or output, a model's answer). Written before the
    /// batch is appended: a crash between the two leaves a link to data never written (an erasure then destroys a key
    /// it need not have), never data without its link.
    /// </summary>
    private async Task LinkSubjectsAsync(IReadOnlyList<RunEvent> batch, DataKey key, CancellationToken cancellationToken)
    {
        var fresh = FreshSubjects(batch, key.KeyId);
        if (fresh.Count == 0)
        {
            return;
        }

        try
        {
            // One request for the batch's new subjects, however many (the store writes them as one transaction).
            await _keys.LinkAsync(batch[0].TenantId, batch[0].RunId, key.KeyId, fresh, cancellationToken);
        }
        catch
        {
            Forget(batch[0].RunId, key.KeyId, fresh); // not linked: the retried step links them again
            throw;
        }
    }

    /// <summary>The subjects the batch names that this process has not linked to the run under <paramref name="keyId"/> yet; marked as linked.</summary>
    private List<string> FreshSubjects(IReadOnlyList<RunEvent> batch, string keyId)
    {
        if (_linked.Count >= MaxCachedRunKeys)
        {
            _linked.Clear();
        }

        // Keyed by run and key, so a run whose key id changed (an older layout's run, key found again) links again.
        var seen = _linked.GetOrAdd(batch[0].RunId + "\n" + keyId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        var fresh = new List<string>();
        foreach (var subject in batch.SelectMany(SubjectsOf))
        {
            if (seen.TryAdd(subject, 0))
            {
                fresh.Add(subject);
            }
        }

        return fresh;
    }

    private void Forget(string runId, string keyId, List<string> subjects)
    {
        if (_linked.TryGetValue(runId + "\n" + keyId, out var seen))
        {
            foreach (var subject in subjects)
            {
                seen.TryRemove(subject, out _);
            }
        }
    }

    private static IEnumerable<string> SubjectsOf(RunEvent e)
    {
        if (PersonalDataFields.Of(e.Type).Count == 0)
        {
            yield break;
        }

        if (e.Type == nameof(RunStarted) && SubjectIds.Resolve(e.RunId, e.PayloadAs<RunStarted>()) is var own && own != SubjectIds.OfRun(e.RunId))
        {
            yield return own;
        }

        foreach (var subject in SubjectIds.Discover(e.Payload))
        {
            yield return subject;
        }
    }
}
