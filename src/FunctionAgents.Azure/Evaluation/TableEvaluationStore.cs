using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Evaluation;
using FunctionAgents.Runtime.Evaluation;

namespace FunctionAgents.Azure.Evaluation;

/// <summary>
/// Evaluation results on Azure Tables: one row per run score (its JSON plus the headline numbers as columns, for
/// ad-hoc queries), and the JSON report split across string properties of one row. The tables are created on first use.
/// </summary>
public sealed partial class TableEvaluationStore : IEvaluationStore
{
    private const string ReportPartition = "report";
    private const string LatestPartition = "latest";
    private const string EvaluationIdColumn = "EvaluationId";
    private const string TenantColumn = "TenantId";
    private const string JsonColumn = "Json";

    private readonly TableStorageClient _tables;
    private readonly Lock _gate = new();
    private Task? _creating;

    public TableEvaluationStore(TableStorageClient tables, string reportsTable, string scoresTable)
    {
        _tables = tables;
        ReportsTable = reportsTable;
        ScoresTable = scoresTable;
    }

    public string ReportsTable { get; }

    public string ScoresTable { get; }

    public async Task SaveRunScoresAsync(string evaluationId, IReadOnlyList<RunScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await EnsureTablesAsync(cancellationToken);
        foreach (var batch in scores.Chunk(100))
        {
            var actions = batch.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ScoreRow(evaluationId, s))).ToList();
            await _tables.SubmitTransactionAsync(ScoresTable, actions, cancellationToken);
        }
    }

    public async Task SaveReportAsync(EvaluationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await EnsureTablesAsync(cancellationToken);
        var row = new TableEntity(ReportPartition, report.EvaluationId);
        WriteJson(row, EvaluationJson.Serialize(report), report.EvaluationId);
        await _tables.UpsertEntityAsync(ReportsTable, row, TableUpdateMode.Replace, cancellationToken);

        var latest = new TableEntity(LatestPartition, LatestKey(report));
        latest[EvaluationIdColumn] = report.EvaluationId;
        latest[TenantColumn] = report.TenantId ?? string.Empty;
        await _tables.UpsertEntityAsync(ReportsTable, latest, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<EvaluationReport?> GetReportAsync(string evaluationId, CancellationToken cancellationToken = default)
    {
        if (!IsUsableKey(evaluationId))
        {
            return null;
        }

        await EnsureTablesAsync(cancellationToken);
        var row = await _tables.GetEntityAsync(ReportsTable, ReportPartition, evaluationId, cancellationToken);
        return row is null ? null : EvaluationJson.DeserializeReport(ReadJson(row));
    }

    public async Task<EvaluationReport?> GetLatestAsync(string? tenantId, CancellationToken cancellationToken = default)
    {
        await EnsureTablesAsync(cancellationToken);
        await foreach (var pointer in _tables.QueryPartitionAsync(ReportsTable, LatestPartition, cancellationToken: cancellationToken))
        {
            var owner = pointer.GetString(TenantColumn);
            if (tenantId is null || string.IsNullOrEmpty(owner) || owner == tenantId)
            {
                return await GetReportAsync(pointer.GetString(EvaluationIdColumn) ?? string.Empty, cancellationToken);
            }
        }

        return null;
    }

    public async IAsyncEnumerable<RunScore> ListRunScoresAsync(
        string evaluationId, string? tenantId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!IsUsableKey(evaluationId))
        {
            yield break;
        }

        await EnsureTablesAsync(cancellationToken);
        await foreach (var row in _tables.QueryPartitionAsync(ScoresTable, evaluationId, cancellationToken: cancellationToken))
        {
            if (tenantId is null || row.GetString(TenantColumn) == tenantId)
            {
                yield return EvaluationJson.DeserializeRunScore(row.GetString(JsonColumn) ?? string.Empty);
            }
        }
    }

    /// <summary>Newest first in RowKey order: the start time's ticks counted down from the maximum.</summary>
    private static string LatestKey(EvaluationReport report) =>
        (DateTimeOffset.MaxValue.UtcTicks - report.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + report.EvaluationId;

    private static bool IsUsableKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>Creates both tables once per store; a failed attempt is retried by the next call.</summary>
    private Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_creating is null || _creating.IsFaulted || _creating.IsCanceled)
            {
                _creating = CreateTablesAsync();
            }

            return _creating;
        }
    }

    private async Task CreateTablesAsync()
    {
        await _tables.CreateTableIfNotExistsAsync(ReportsTable);
        await _tables.CreateTableIfNotExistsAsync(ScoresTable);
    }
}
