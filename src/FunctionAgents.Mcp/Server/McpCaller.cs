using System.Security.Claims;
using FunctionAgents.Http.Routing;
using ModelContextProtocol;

namespace FunctionAgents.Mcp.Server;

/// <summary>
/// The tenant of the MCP request being served. <see cref="McpHttpHandler"/> maps the request's <c>x-functions-key</c> to
/// its tenant and makes that the request's user; the SDK hands the user to every tool call of that request (the
/// transport is stateless, so a user never outlives its HTTP request). The tenant is not read through
/// <c>IHttpContextAccessor</c>, which the Functions isolated worker leaves empty.
/// </summary>
internal sealed class McpCaller
{
    /// <summary>The authentication type of the principal the handler builds: an identity with one is authenticated.</summary>
    public const string AuthenticationType = "FunctionAgentsApiKey";

    /// <summary>The claim that carries the key's tenant.</summary>
    public const string TenantClaim = "functionagents/tenant";

    private readonly ClaimsPrincipal? _user;

    public McpCaller(ClaimsPrincipal? user) => _user = user;

    /// <summary>The caller's tenant; a tool call without one (which the handler never lets through) is refused.</summary>
    public string Tenant =>
        _user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == AuthenticationType)?.FindFirst(TenantClaim)?.Value
            ?? throw new McpException($"A valid API key is required in the {ApiRoutes.ApiKeyHeader} header.");

    /// <summary>The request user for a key that belongs to <paramref name="tenant"/>.</summary>
    public static ClaimsPrincipal PrincipalFor(string tenant) =>
        new(new ClaimsIdentity([new Claim(TenantClaim, tenant)], AuthenticationType));
}
