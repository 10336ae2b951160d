using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Http;

/// <summary>Every log message of the HTTP API.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "{Method} {Path}: storage failed; answered 503")]
    public static partial void StorageFailed(ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly (trace id {TraceId}); answered 500")]
    public static partial void Unexpected(ILogger logger, string method, PathString path, string traceId, Exception exception);

    [LoggerMessage(EventId = 320, Level = LogLevel.Information, Message = "Subject access request by {By} in tenant {TenantId}: subject {SubjectRef} appears in {Runs} run(s)")]
    public static partial void SubjectRunsFound(ILogger logger, string by, string tenantId, string subjectRef, int runs);
}
