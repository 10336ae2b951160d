using Azure.Data.Tables;
using Azure.Identity;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FunctionAgents.Azure.Privacy;

/// <summary>Registers personal-data protection (docs/privacy.md); call after the storage, core and forensics registrations.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// The data key store, the erasure log and <see cref="SubjectEraser"/>; and, when a key-encryption key is configured
    /// (or <paramref name="readOnly"/>), the journal as <see cref="PersonalDataJournal"/>, the projections fed the masked
    /// view and the run index keeping a redacted goal.
    /// </summary>
    /// <param name="defaultKekFile">The KEK file a local host uses when no KEK setting is given.</param>
    /// <param name="readOnly">A reader (the CLI): decorate the journal even without a KEK, so encrypted fields read as placeholders.</param>
    /// <param name="tableOptions">Options of the privacy tables' client (a benchmark counts requests with a pipeline policy).</param>
    /// <exception cref="FormatException">A privacy setting is malformed; the message names it.</exception>
    public static IServiceCollection AddFunctionAgentsPrivacy(
        this IServiceCollection services,
        FunctionAgentsSettings settings,
        Func<string, string?> getSetting,
        string? defaultKekFile = null,
        bool readOnly = false,
        TableClientOptions? tableOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(getSetting);
        var enabled = !string.Equals(getSetting(PrivacySettingNames.Enabled), "false", StringComparison.OrdinalIgnoreCase);
        var loadKek = enabled ? KekSources.Select(getSetting, new DefaultAzureCredential(), defaultKekFile) : null;
        // The deployment's shared Tables client (AddFunctionAgentsStorage registers it first); a private one only when
        // the caller wants its own pipeline (a benchmark counting requests).
        var ownTables = tableOptions is null ? null : TableServicesFor(settings, getSetting, tableOptions);
        TableServiceClient Tables(IServiceProvider sp) => ownTables ?? sp.GetRequiredService<TableServiceClient>();
        var names = settings.Storage.Names;
        var cache = DataKeyCacheSettings.FromSettings(getSetting);
        services.AddSingleton<IDataKeyStore>(sp => new CachingDataKeyStore(
            new TableDataKeyStore(Tables(sp).GetTableClient(names.Table(PrivacyTables.DataKeys)), loadKek, sp.GetRequiredService<TimeProvider>()),
            cache.Ttl,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IErasureLog>(sp => new TableErasureLog(Tables(sp).GetTableClient(names.Table(PrivacyTables.Erasures))));
        services.AddSingleton(sp => new SubjectEraser(
            sp.GetRequiredService<IDataKeyStore>(), sp.GetRequiredService<IErasureLog>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IRunIndex>(), sp.GetService<IMemoryStore>()));
        if (loadKek is not null && !readOnly)
        {
            services.AddHostedService(_ => new KekStartupCheck(loadKek));
        }

        if (enabled && (loadKek is not null || readOnly))
        {
            Decorate<IEventJournal>(services, (sp, inner) => new PersonalDataJournal(inner, sp.GetRequiredService<IDataKeyStore>()));

            // The appender protects every batch through the journal it writes; a journal that cannot protect is a
            // wiring error, never a silent plaintext write.
            services.Replace(ServiceDescriptor.Singleton<IJournalProtector>(sp => sp.GetRequiredService<IEventJournal>() as IJournalProtector
                ?? throw new InvalidOperationException("Privacy is on but the journal is not a PersonalDataJournal: register storage and core before privacy.")));
            Decorate<IJournalProjection>(services, (_, inner) => new MaskingProjection(inner));
            Decorate<IRunIndex>(services, (_, inner) => new RedactingRunIndex(inner));
        }

        return services;
    }

    /// <summary>An Azure.Data.Tables client on the deployment's storage (a connection string or the identity-based settings).</summary>
    public static TableServiceClient TableServicesFor(FunctionAgentsSettings settings, Func<string, string?> getSetting, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(getSetting);
        return settings.Storage.Connection is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, options)
            : StorageClientFactory.FromSettings(getSetting).Tables; // identity-based settings, parsed in one place
    }

    /// <summary>Wraps every registration of <typeparamref name="T"/> made so far.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap)
        where T : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var original = services[i];
            if (original.ServiceType != typeof(T) || original.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<T>(sp => wrap(sp, (T)Create(sp, original)));
        }
    }

    private static object Create(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
