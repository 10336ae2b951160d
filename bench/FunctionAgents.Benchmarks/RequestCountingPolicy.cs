using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionAgents.Benchmarks;

/// <summary>Counts the HTTP attempts a client makes, retries included, in total and by method and table, queue or container.</summary>
internal sealed class RequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byTarget = new(StringComparer.Ordinal);
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>A copy of the counts by "METHOD target" (target = first path segment without its entity key, e.g. "benchevents").</summary>
    public Dictionary<string, long> ByTarget() => new(_byTarget, StringComparer.Ordinal);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        _byTarget.AddOrUpdate($"{message.Request.Method} {Target(message.Request.Uri.Path)}", 1, (_, n) => n + 1);
    }

    /// <summary>The path's resource name: Azurite puts the account first ("/devstoreaccount1/table(...)").</summary>
    private static string Target(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = segments.Length switch
        {
            0 => "(account)",
            1 => segments[0],
            _ => segments[1],
        };
        var key = name.IndexOf('(', StringComparison.Ordinal);
        return key > 0 ? name[..key] : name;
    }
}
