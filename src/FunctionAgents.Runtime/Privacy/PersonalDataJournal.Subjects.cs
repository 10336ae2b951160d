using System.Collections.Concurrent;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

public sealed partial class PersonalDataJournal
{
    // Subjects already linked per run, so a run links each person once per process, not once per batch.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _linked = new(StringComparer.Ordinal);

    /// <summary>
    /// Links every subject the batch's personal-data events name (an email address, a customer id: in a tool's input or
    /// output, a model's answer) to the run's key, before the batch is appended: a crash between the two leaves a link
    /// to data never written (an erasure then destroys a key it need not have), never data without its link.
    /// </summary>
    private async Task LinkSubjectsAsync(IReadOnlyList<RunEvent> batch, DataKey key, CancellationToken cancellationToken)
    {
        if (_linked.Count >= MaxCachedRunKeys)
        {
            _linked.Clear();
        }

        var seen = _linked.GetOrAdd(batch[0].RunId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        foreach (var e in batch)
        {
            if (PersonalDataFields.Of(e.Type).Count == 0)
            {
                continue;
            }

            foreach (var subject in SubjectIds.Discover(e.Payload))
            {
                if (!seen.TryAdd(subject, 0))
                {
                    continue;
                }

                try
                {
                    await _keys.LinkAsync(e.TenantId, subject, e.RunId, key.KeyId, cancellationToken);
                }
                catch
                {
                    seen.TryRemove(subject, out _); // not linked: the retried step links it again
                    throw;
                }
            }
        }
    }
}
