using Microsoft.Extensions.Logging;

namespace FunctionAgents.Http;

internal static partial class Log
{
    [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "Stream of run {RunId}: storage failed; the stream ends and the client resumes")]
    public static partial void StreamStorageFailed(ILogger logger, string runId, Exception exception);
}
