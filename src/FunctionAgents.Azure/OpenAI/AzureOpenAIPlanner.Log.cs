using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

public sealed partial class AzureOpenAIPlanner
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 230, Level = LogLevel.Information, Message = "Run {RunId}: the plan has {ViolationCount} violation(s); asking the model for one repair")]
        public static partial void RepairRequested(ILogger logger, string runId, int violationCount);

        [LoggerMessage(EventId = 231, Level = LogLevel.Warning, Message = "Run {RunId}: no repair call ({Code}: {Reason}); the run stops with the first call recorded")]
        public static partial void RepairNotMade(ILogger logger, string runId, string code, string reason);
    }
}
