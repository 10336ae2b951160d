using FunctionAgents.Runtime.Forensics.Audit;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Forensics;

/// <summary>Writes audit entries as a JSON array while they are read, so a long range never sits in memory.</summary>
internal sealed class AuditStreamResult(IAsyncEnumerable<AuditEntry> entries) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new StreamWriter(response.Body, leaveOpen: true);
        await AuditFormatter.WriteJsonAsync(writer, entries, httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
