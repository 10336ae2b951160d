using FunctionAgents.Domain.Evaluation.Replay;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Runtime.Evaluation;

public sealed partial class EvaluationService
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Evaluation {EvaluationId} started: runs of {From} to {To}, tenant {TenantId}, {Mode} replay")]
        public static partial void Starting(ILogger logger, string evaluationId, DateOnly from, DateOnly to, string tenantId, ReplayMode mode);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Evaluation {EvaluationId}: {RunsScored} runs scored, {RunsSkipped} skipped (reading {Day})")]
        public static partial void Progress(ILogger logger, string evaluationId, int runsScored, int runsSkipped, DateOnly day);

        [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Run {RunId} was not scored: {Reason}")]
        public static partial void RunNotScored(ILogger logger, Exception exception, string runId, string reason);

        [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Evaluation {EvaluationId} completed: {RunsScored} runs scored, {RunsSkipped} skipped, {Alerts} alert(s)")]
        public static partial void Completed(ILogger logger, string evaluationId, int runsScored, int runsSkipped, int alerts);
    }
}
