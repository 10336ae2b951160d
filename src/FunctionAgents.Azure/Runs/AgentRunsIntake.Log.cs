using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.Runs;

public sealed partial class AgentRunsIntake
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "agent-runs message {MessageId}: run {RunId} (new: {Created})")]
        public static partial void Started(ILogger logger, string messageId, string runId, bool created);

        [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "agent-runs message {MessageId} moved to {PoisonQueue}: {Reason}")]
        public static partial void Poisoned(ILogger logger, string messageId, string poisonQueue, string reason);

        [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "agent-runs message {MessageId} failed on delivery {DequeueCount}; it will be retried")]
        public static partial void Retrying(ILogger logger, string messageId, long dequeueCount, Exception exception);

        [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "agent-runs message {MessageId}: shortening its retry delay failed")]
        public static partial void BackoffFailed(ILogger logger, string messageId, Exception exception);

        [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Polling queue {Queue} failed")]
        public static partial void PollFailed(ILogger logger, string queue, Exception exception);
    }
}
