using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using FunctionAgents.Http.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionAgents.Http.Dashboard;

/// <summary>
/// The dashboard's static files (HTML, CSS, JavaScript modules, SVG), embedded in this assembly so the page works in a
/// closed network with nothing to download and nothing to build. Both hosts serve them through <see cref="Serve"/>; the
/// page needs no key (it holds no data), every API call it makes sends the caller's.
/// </summary>
public sealed class DashboardFiles
{
    /// <summary>The resource name prefix the project file gives each embedded dashboard file.</summary>
    private const string ResourcePrefix = "dashboard/";

    // The page loads only its own files and talks only to its own origin: no CDN, font, frame or inline script.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardFile> _files;

    private DashboardFiles(FrozenDictionary<string, DashboardFile> files) => _files = files;

    /// <summary>The relative paths served (<c>index.html</c>, <c>js/main.js</c>, ...).</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    /// <summary>Reads every embedded dashboard file of this assembly.</summary>
    public static DashboardFiles Load()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        var files = new Dictionary<string, DashboardFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            var content = Read(assembly, name);
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            files[path] = new DashboardFile(path, type, content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        }

        return new DashboardFiles(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Answers GET for <paramref name="path"/> under the dashboard's route: the page for no path (after a redirect that adds
    /// the trailing slash its relative links need), 304 when the ETag matches, 404 problem+json for a file it does not have.
    /// </summary>
    public IResult Serve(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (string.IsNullOrEmpty(path))
        {
            var requestPath = request.PathBase + request.Path;
            if (!requestPath.Value!.EndsWith('/'))
            {
                return Results.Redirect(requestPath + "/" + request.QueryString);
            }

            path = "index.html";
        }

        if (!_files.TryGetValue(path, out var file))
        {
            return ApiProblems.NotFound($"The dashboard has no file '{path}'.");
        }

        var headers = context.Response.Headers;
        headers.ETag = file.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        if (request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == file.ETag)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(file.Content, file.ContentType);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>One file of the dashboard, held in memory with its content type and a strong ETag of its bytes.</summary>
internal sealed record DashboardFile(string Path, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
