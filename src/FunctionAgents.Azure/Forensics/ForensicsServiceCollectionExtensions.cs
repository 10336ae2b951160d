using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Runtime.Forensics;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.Forensics;

/// <summary>Registers forensics on Azure Storage; call after <c>AddFunctionAgentsStorage</c> (it needs the table client, the journal and the storage names).</summary>
public static class ForensicsServiceCollectionExtensions
{
    /// <summary>
    /// The audit log and the chain checkpoints (each also registered as an <see cref="IJournalProjection"/>, fed after every
    /// append), the retention log, policy and purger, <see cref="RunForensics"/>, <see cref="ChainAudit"/>, the default
    /// <see cref="InvariantRegistry"/> and <see cref="ForensicsStorage"/> to create the tables.
    /// </summary>
    /// <param name="signer">Signs every checkpoint (a host); null for a reader, whose checkpoint projection refuses to write.</param>
    /// <param name="checkpointEvery">Checkpoint every this many events and at a run's end (<see cref="CheckpointSigningSettings.Every"/>).</param>
    /// <param name="trustedKeyFiles">Public keys (besides the signer's own) that verification trusts: keys rotated out.</param>
    /// <exception cref="FormatException">A trusted key file is malformed; the message names it.</exception>
    public static IServiceCollection AddFunctionAgentsForensics(
        this IServiceCollection services, RetentionPolicy? retention = null, CheckpointSigningKey? signer = null, IReadOnlyList<string>? trustedKeyFiles = null,
        int checkpointEvery = CheckpointSigningSettings.DefaultEvery)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(retention ?? new RetentionPolicy());
        services.TryAddSingleton(InvariantRegistry.CreateDefault());
        services.AddSingleton(sp => ForensicsTables.From(sp.GetRequiredService<StorageNames>()));
        services.AddSingleton(sp => new ForensicsStorage(sp.GetRequiredService<TableStorageClient>(), sp.GetRequiredService<ForensicsTables>()));

        services.AddSingleton(sp => new TableAuditLog(sp.GetRequiredService<TableStorageClient>(), sp.GetRequiredService<ForensicsTables>().Audit));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TableAuditLog>());
        services.AddSingleton<IJournalProjection>(sp => sp.GetRequiredService<TableAuditLog>());

        services.AddSingleton(sp => new TableChainCheckpoints(sp.GetRequiredService<TableStorageClient>(), sp.GetRequiredService<ForensicsTables>().Checkpoints, signer, checkpointEvery));
        services.AddSingleton<IChainCheckpointStore>(sp => sp.GetRequiredService<TableChainCheckpoints>());
        services.AddSingleton<IJournalProjection>(sp => sp.GetRequiredService<TableChainCheckpoints>());

        services.AddSingleton<IRetentionLog>(sp => new TableRetentionLog(sp.GetRequiredService<TableStorageClient>(), sp.GetRequiredService<ForensicsTables>().RetentionLog));
        services.AddSingleton<IRunRetention>(sp => new TableRunRetention(sp.GetRequiredService<TableStorageClient>(), sp.GetRequiredService<ForensicsTables>()));
        services.AddSingleton(sp => new Purger(
            sp.GetRequiredService<IRunRetention>(),
            sp.GetRequiredService<TableStorageClient>(),
            sp.GetRequiredService<ForensicsTables>(),
            sp.GetRequiredService<IRetentionLog>(),
            sp.GetRequiredService<RetentionPolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<Purger>>()));
        services.AddSingleton(sp => new EvidenceExporter(
            sp.GetRequiredService<TableStorageClient>(), sp.GetRequiredService<StorageNames>().Journal, sp.GetRequiredService<ForensicsTables>().Checkpoints));
        services.AddSingleton(sp => new RunForensics(sp.GetRequiredService<IEventJournal>()));
        // A host knows its own public key, so its verification checks signatures; a reader without one checks hashes only.
        var trust = signer is null && trustedKeyFiles is not { Count: > 0 } ? null : CheckpointTrustSet.FromFiles(trustedKeyFiles ?? []);
        if (signer is not null)
        {
            trust!.Add(signer.PublicKeyPem, "the checkpoint signing key");
            services.AddSingleton(signer);
        }

        services.AddSingleton(sp => new ChainAudit(sp.GetRequiredService<IEventJournal>(), sp.GetRequiredService<IChainCheckpointStore>(), trust));
        return services;
    }
}
