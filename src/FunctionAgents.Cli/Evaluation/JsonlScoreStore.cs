using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Evaluation;
using FunctionAgents.Runtime.Evaluation;

namespace FunctionAgents.Cli.Evaluation;

/// <summary>
/// The store of <c>fa eval replay</c>: run scores stream to a JSON Lines file next to the report as they are made,
/// and the report goes to the <c>--out</c> file. It has no earlier reports, so the cost alert compares days within the window.
/// </summary>
internal sealed class JsonlScoreStore(string reportPath, string runsPath) : IEvaluationStore, IDisposable
{
    private readonly StreamWriter _runs = new(runsPath, append: false);

    public async Task SaveRunScoresAsync(string evaluationId, IReadOnlyList<RunScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        foreach (var score in scores)
        {
            await _runs.WriteLineAsync(EvaluationJson.Serialize(score).AsMemory(), cancellationToken);
        }

        await _runs.FlushAsync(cancellationToken);
    }

    public async Task SaveReportAsync(EvaluationReport report, CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(reportPath);
        await EvaluationJson.SerializeAsync(file, report, cancellationToken);
    }

    public Task<EvaluationReport?> GetReportAsync(string evaluationId, CancellationToken cancellationToken = default) => Task.FromResult<EvaluationReport?>(null);

    public Task<EvaluationReport?> GetLatestAsync(string? tenantId, CancellationToken cancellationToken = default) => Task.FromResult<EvaluationReport?>(null);

    public async IAsyncEnumerable<RunScore> ListRunScoresAsync(
        string evaluationId, string? tenantId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public void Dispose() => _runs.Dispose();
}
