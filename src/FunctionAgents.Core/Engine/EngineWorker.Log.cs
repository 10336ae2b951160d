using Microsoft.Extensions.Logging;

namespace FunctionAgents.Core.Engine;

public sealed partial class EngineWorker
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Run {RunId}: {Outcome}")]
        public static partial void Advanced(ILogger logger, string runId, AdvanceOutcome outcome);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Run {RunId}: advancing failed on delivery {DequeueCount}; the work item will reappear")]
        public static partial void AdvanceFailed(ILogger logger, string runId, long dequeueCount, Exception exception);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Run {RunId}: renewing the work item's visibility failed")]
        public static partial void RenewFailed(ILogger logger, string runId, Exception exception);

        [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Run {RunId}: gave up after {DequeueCount} deliveries; run failed with engine_error and work item poisoned")]
        public static partial void GaveUp(ILogger logger, string runId, long dequeueCount);

        [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Polling the work queue failed")]
        public static partial void PollFailed(ILogger logger, Exception exception);
    }
}
