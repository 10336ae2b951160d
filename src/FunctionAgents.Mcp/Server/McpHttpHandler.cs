using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Mcp.Server;

/// <summary>
/// FunctionAgents' MCP server (streamable HTTP, stateless) for one HTTP request: the local host maps it at <c>/mcp</c> and
/// <c>/api/mcp</c>, and the Functions app's single <c>mcp</c> HTTP trigger calls it. Every request is served on its own,
/// so any instance of a scaled-out app can take it.
/// </summary>
public sealed class McpHttpHandler
{
    /// <summary>
    /// The methods both hosts bind: every method an HTTP trigger can name, so a wrong one reaches this handler and gets a
    /// 405 with <c>Allow</c> (the Functions host answers an unbound method with an empty 404 before the worker sees it).
    /// POST carries the JSON-RPC messages; GET (the server-to-client stream) and DELETE (ending a session) are part of the
    /// transport but a stateless server has neither, so they answer 405 with <c>Allow: POST</c> like PUT or HEAD.
    /// </summary>
    public static readonly IReadOnlyList<string> Methods =
        [HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Head, HttpMethods.Options];

    private readonly ApiKeyRing _keys;
    private readonly Lazy<IReadOnlyDictionary<string, RequestDelegate>> _transport;

    /// <summary>Creates the handler; <paramref name="services"/> must hold the MCP server (<see cref="McpServerEndpoints.AddFunctionAgentsMcpServer"/>).</summary>
    public McpHttpHandler(IServiceProvider services, ApiKeyRing keys)
    {
        _keys = keys;
        _transport = new(() => McpTransportDelegates.Build(services));
    }

    /// <summary>
    /// Answers 405 with <c>Allow</c> for a method the transport does not serve (a wrong method reveals nothing, so it needs
    /// no key), 401 problem+json without a valid <c>x-functions-key</c> (before any MCP message is read), and otherwise hands the request to the MCP transport with the key's tenant as its user,
    /// which every tool call of the request acts for.
    /// </summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_transport.Value.TryGetValue(context.Request.Method, out var transport))
        {
            context.Response.Headers.Allow = string.Join(", ", _transport.Value.Keys);
            await ApiProblems.MethodNotAllowed(context.Request.Method, context.Request.Path.Value ?? string.Empty, [.. _transport.Value.Keys]).ExecuteAsync(context);
            return;
        }

        var values = context.Request.Headers[ApiRoutes.ApiKeyHeader];
        if (values.Count != 1 || _keys.FindTenant(values[0]) is not { } tenant)
        {
            await ApiProblems.Unauthorized().ExecuteAsync(context);
            return;
        }

        // The transport reads any POST body as JSON-RPC and fails with a 500 on anything else: refuse other media types first.
        if (HttpMethods.IsPost(context.Request.Method) && !IsJson(context.Request.ContentType))
        {
            await ApiProblems.UnsupportedMediaType(context.Request.ContentType).ExecuteAsync(context);
            return;
        }

        context.User = McpCaller.PrincipalFor(tenant);
        await transport(context);
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
}
