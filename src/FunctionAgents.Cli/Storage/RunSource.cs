using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Cli.Storage;

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
