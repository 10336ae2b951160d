using System.Globalization;
using FunctionAgents.Runtime.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Commands.Privacy;

/// <summary>The erasures section of <c>fa audit</c>: every erasure of the tenants in the window, from the erasure log.</summary>
internal static class ErasureListing
{
    public static async Task WriteAsync(CliContext context, string? storage, IReadOnlyList<string> tenants, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var provider = PrivacyStorage.Connect(context, storage);
        var log = provider.GetRequiredService<IErasureLog>();
        var records = await PrivacyStorage.CallAsync(async () =>
        {
            var found = new List<ErasureRecord>();
            foreach (var tenant in tenants)
            {
                await foreach (var r in log.ListAsync(tenant, from, until, cancellationToken))
                {
                    found.Add(r);
                }
            }

            return found;
        });
        await context.Output.WriteLineAsync($"Erasures ({records.Count}):");
        foreach (var r in records)
        {
            await context.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"- {r.ErasedAt:u} tenant {r.TenantId} subject {r.SubjectRef[..12]}… by {r.By}: {r.KeysDestroyed} key(s) destroyed, runs {string.Join(", ", r.RunIds)}"));
        }
    }
}
