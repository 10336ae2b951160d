using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Storage;

/// <summary>
/// Connects to the deployment's storage the way the host does: <c>--storage</c>, else <c>AzureWebJobsStorage</c> (a
/// connection string or the identity-based settings), with FA_STORAGE_PREFIX and FA_JOURNAL_TABLE for table names.
/// Requests are retried less than in the host, so an unreachable account is reported within seconds.
/// </summary>
internal static class CliStorage
{
    public static RunSource Connect(CliContext context, string? storage)
    {
        FunctionAgentsSettings settings;
        try
        {
            settings = FunctionAgentsSettings.FromSettings(context.GetSetting);
            settings = storage is null ? settings : settings with { Storage = settings.Storage with { Connection = storage } };
            var provider = Services(context, settings).BuildServiceProvider();
            var connection = provider.GetRequiredService<StorageClients>();
            return new RunSource(
                provider.GetRequiredService<IRunIndex>(),
                provider.GetRequiredService<IEventJournal>(),
                $"storage {connection.TableEndpoint}",
                provider);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            throw CliException.Usage($"storage is not configured: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The services <c>fa</c> reads with, from the composition root every host calls: storage (retried less), forensics
    /// when <paramref name="forensics"/> is given, and read-only privacy (the local KEK file only if it exists); no
    /// runtime, evaluation or memory.
    /// </summary>
    public static IServiceCollection Services(CliContext context, FunctionAgentsSettings settings, RetentionPolicy? forensics = null) =>
        new ServiceCollection().AddFunctionAgents(settings, context.GetSetting, context.WorkingDirectory, o =>
        {
            o.StorageClientOptions = new StorageClientOptions { MaxAttempts = 2 };
            o.Runtime = false;
            o.Evaluation = false;
            o.Forensics = forensics is not null;
            o.Retention = forensics;
            o.SignCheckpoints = false; // fa reads; `fa verify --trust-key` brings its own trust set
            o.DefaultKekFile = LocalKekFile.ExistingFor(settings);
            o.ReadOnlyPrivacy = true;
            o.Memory = false;
        });

    /// <summary>Runs a storage call; a storage failure becomes one line naming the account (exit 1).</summary>
    public static async Task<T> CallAsync<T>(RunSource source, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StorageException ex)
        {
            throw new CliException(ExitCodes.Failed, $"{source.Description} is unreachable or refused the request: {ex.Message}", ex);
        }
    }
}

/// <summary>Where <c>fa</c> reads runs: Azure Storage (the journal and runs index) or an exported journal file.</summary>
/// <param name="Description">Where the runs come from, for messages.</param>
internal sealed record RunSource(IRunIndex Index, IEventJournal Journal, string Description, IAsyncDisposable? Owner)
    : IAsyncDisposable
{
    public static async Task<RunSource> OpenAsync(CliContext context, string? journalFile, string? storage, CancellationToken cancellationToken) =>
        journalFile is not null
            ? await JournalFile.LoadAsync(context, journalFile, cancellationToken)
            : CliStorage.Connect(context, storage);

    public ValueTask DisposeAsync() => Owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
