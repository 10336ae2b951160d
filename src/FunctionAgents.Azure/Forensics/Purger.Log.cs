using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.Forensics;

public sealed partial class Purger
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Purge before {Cutoff} refused: {Reason}")]
        public static partial void Refused(ILogger logger, DateTimeOffset cutoff, string reason);

        [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "Purged run {RunId} of tenant {TenantId}: {Events} event(s), {Rows} projection row(s)")]
        public static partial void Purged(ILogger logger, string runId, string tenantId, long events, long rows);

        [LoggerMessage(EventId = 212, Level = LogLevel.Information, Message = "Left run {RunId} in place: {Reason}")]
        public static partial void Skipped(ILogger logger, string runId, string reason);
    }
}
