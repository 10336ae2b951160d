using System.Text.Json.Nodes;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

public sealed partial class PersonalDataJournal
{
    private async Task<RunEvent> RevealAsync(RunEvent e, Dictionary<string, DataKeyLookup> keys, CancellationToken cancellationToken)
    {
        var paths = PersonalDataFields.Of(e.Type);
        if (paths.Count == 0 || !e.Payload.Contains(FieldCipher.Marker, StringComparison.Ordinal))
        {
            return e;
        }

        var root = JsonNode.Parse(e.Payload);
        if (root is null)
        {
            return e;
        }

        // Gather the key ids first: the rewrite below is synchronous.
        foreach (var path in paths)
        {
            var ids = new List<string>();
            JsonFieldPath.Rewrite(root, path, value =>
            {
                if (FieldCipher.IsEnvelope(value, out var id))
                {
                    ids.Add(id);
                }

                return value.DeepClone();
            });
            foreach (var id in ids.Where(id => !keys.ContainsKey(id)).Distinct(StringComparer.Ordinal))
            {
                keys[id] = await _keys.FindAsync(e.TenantId, id, cancellationToken);
            }
        }

        foreach (var path in paths)
        {
            var context = FieldCipher.Context(e.RunId, e.Seq, e.Type, path);
            JsonFieldPath.Rewrite(root, path, value =>
            {
                if (!FieldCipher.IsEnvelope(value, out var id))
                {
                    return value.DeepClone();
                }

                var lookup = keys[id];
                return lookup.Key is { } key
                    ? FieldCipher.Decrypt(key, context, value.AsObject())
                    : JsonValue.Create(lookup.Erased ? PersonalData.ErasedText : PersonalData.EncryptedText);
            });
        }

        return e with { Payload = root.ToJsonString() };
    }
}
