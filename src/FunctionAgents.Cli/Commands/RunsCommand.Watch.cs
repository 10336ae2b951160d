using System.CommandLine;
using FunctionAgents.Cli.Watching;
using FunctionAgents.Http.Routing;

namespace FunctionAgents.Cli.Commands;

internal static partial class RunsCommand
{
    /// <summary>The setting <c>fa runs watch</c> reads the host's base URL from when --url is not given.</summary>
    public const string UrlSetting = "FA_URL";

    /// <summary>The setting <c>fa runs watch</c> reads the API key from when --api-key is not given.</summary>
    public const string ApiKeySetting = "FA_API_KEY";

    private static Command Watch(CliContext context)
    {
        var runId = new Argument<string>("runId") { Description = "The run to follow." };
        var url = new Option<string?>("--url") { Description = $"The host's base URL, e.g. http://127.0.0.1:7071 (default: {UrlSetting})." };
        var apiKey = new Option<string?>("--api-key") { Description = $"The API key (default: {ApiKeySetting})." };
        var watch = new Command("watch", "Follow a run live over GET /api/runs/{runId}/stream, one line per event, until it ends.") { runId, url, apiKey };
        watch.SetAction(async (parse, cancellationToken) =>
        {
            var baseText = parse.GetValue(url) ?? context.GetSetting(UrlSetting)
                ?? throw CliException.Usage($"--url is required (or set {UrlSetting})");
            if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            {
                throw CliException.Usage($"--url '{baseText}' is not an absolute http(s) URL");
            }

            var key = parse.GetValue(apiKey) ?? context.GetSetting(ApiKeySetting)
                ?? throw CliException.Usage($"--api-key is required (or set {ApiKeySetting})");
            using var client = context.Http is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
            client.BaseAddress = baseUri;
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.Add(ApiRoutes.ApiKeyHeader, key);
            var watcher = new RunWatcher(client, context.Output, TimeSpan.FromSeconds(1));
            return await watcher.WatchAsync(parse.GetValue(runId)!, cancellationToken);
        });
        return watch;
    }
}
