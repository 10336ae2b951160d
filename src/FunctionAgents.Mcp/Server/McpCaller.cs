using FunctionAgents.Core.Hosting;
using FunctionAgents.Http.Auth;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;

namespace FunctionAgents.Mcp.Server;

/// <summary>
/// The tenant of the MCP request being served: the same <c>x-functions-key</c> and <see cref="ApiKeyRing"/> as the HTTP
/// API. The endpoint already refused a request without a valid key (401); this reads it again for each tool call so a
/// tool can never act for any tenant but the caller's.
/// </summary>
internal sealed class McpCaller
{
    private readonly IHttpContextAccessor _http;
    private readonly ApiKeyRing _keys;

    public McpCaller(IHttpContextAccessor http, ApiKeyRing keys)
    {
        _http = http;
        _keys = keys;
    }

    public string Tenant
    {
        get
        {
            var values = _http.HttpContext?.Request.Headers[ApiRoutes.ApiKeyHeader] ?? default;
            return values.Count == 1 && _keys.FindTenant(values[0]) is { } tenant
                ? tenant
                : throw new McpException($"A valid API key is required in the {ApiRoutes.ApiKeyHeader} header.");
        }
    }
}
