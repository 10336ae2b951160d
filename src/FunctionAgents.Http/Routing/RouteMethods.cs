using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace FunctionAgents.Http.Routing;

/// <summary>
/// The HTTP methods the app's endpoints serve for a path, so the fallback can tell a wrong method (405 with <c>Allow</c>)
/// from a path nobody serves (404). Endpoint routing alone cannot: the API's catch-all fallback accepts every method, so a
/// path whose only endpoints have other methods falls through to it instead of getting routing's own 405.
/// </summary>
internal sealed class RouteMethods
{
    private readonly EndpointDataSource _endpoints;
    private (IReadOnlyList<Endpoint> Source, IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> Routes) _cache =
        ([], []);

    public RouteMethods(EndpointDataSource endpoints) => _endpoints = endpoints;

    /// <summary>
    /// Every method (upper case, sorted) of an endpoint whose route template matches <paramref name="path"/>; empty when
    /// no method-bound endpoint matches. Endpoints without method metadata serve every method and are never the reason
    /// a request reached the fallback, so they are left out.
    /// </summary>
    public IReadOnlyList<string> For(PathString path)
    {
        var routes = Routes();
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (matcher, allowed) in routes)
        {
            if (matcher.TryMatch(path, []))
            {
                methods.UnionWith(allowed);
            }
        }

        return [.. methods];
    }

    private IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> Routes()
    {
        var current = _endpoints.Endpoints;
        var cache = _cache;
        if (ReferenceEquals(cache.Source, current))
        {
            return cache.Routes;
        }

        var routes = current.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 } && e.Endpoint.RoutePattern.RawText is not null)
            .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.Endpoint.RoutePattern.RawText!), []),
                (IReadOnlyList<string>)[.. e.Methods!.Select(m => m.ToUpperInvariant())]))
            .ToList();
        _cache = (current, routes);
        return routes;
    }
}
