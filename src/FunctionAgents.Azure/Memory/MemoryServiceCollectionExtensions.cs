using Azure.Data.Tables;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Scheduling;
using FunctionAgents.Domain.Memory;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.Memory;

/// <summary>Registers tenant memory (docs/privacy.md, "Memory"); call after the storage, core and privacy registrations.</summary>
public static class MemoryServiceCollectionExtensions
{
    /// <summary>
    /// The memory store, the run memory the planning activity recalls from, the writer fed after every append (it acts on
    /// finished long_term runs) and the hourly purge of expired entries.
    /// </summary>
    /// <exception cref="FormatException">A memory setting is malformed; the message names it.</exception>
    public static IServiceCollection AddFunctionAgentsMemory(
        this IServiceCollection services, FunctionAgentsSettings settings, Func<string, string?> getSetting, TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tables);
        var options = MemoryOptions.FromSettings(getSetting);
        services.AddSingleton(options);
        services.AddSingleton<IMemoryStore>(_ => new TableMemoryStore(tables.GetTableClient(settings.Storage.Names.Table(TableMemoryStore.DefaultTableName)), options.MaxEntryChars));
        services.AddSingleton<IRunMemory>(sp => new RunMemory(
            sp.GetRequiredService<IMemoryStore>(), options, sp.GetRequiredService<IPolicyEvaluator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IJournalProjection>(sp => new MemoryWriter(
            sp.GetRequiredService<IMemoryStore>(), options, sp.GetRequiredService<IPolicyEvaluator>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MemoryWriter>>()));
        services.AddSingleton(sp => new MemoryPurgeJob(sp.GetRequiredService<IMemoryStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScheduledJob(MemoryPurgeJob.Name, CronSchedule.Parse(MemoryPurgeJob.DefaultSchedule), runOnStartup: false, sp => sp.GetRequiredService<MemoryPurgeJob>());
        return services;
    }
}
