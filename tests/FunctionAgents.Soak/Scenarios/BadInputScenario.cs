using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 9: the generated corpus against the real host over HTTP. Every request gets a 4xx with an
/// application/problem+json body, never a 5xx, and the host is still alive afterwards.
/// </summary>
internal sealed class BadInputScenario : IScenario
{
    public string Name => "bad input";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var host = await LocalHostProcess.StartAsync(environment.ConnectionString, "soakbad", cancellationToken);
        using var client = host.Client(LocalHostProcess.AlphaKey);
        var corpus = BadInputCorpus.Generate().ToList();
        var problems = new List<string>();
        foreach (var request in corpus)
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative));
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
            }

            try
            {
                using var response = await client.SendAsync(message, cancellationToken);
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || type != "application/problem+json")
                {
                    problems.Add($"{request.Label}: {status} {type ?? "no body"}");
                }
            }
            catch (HttpRequestException ex)
            {
                problems.Add($"{request.Label}: connection failed ({ex.Message})");
            }
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"  bad input: {problem}");
        }

        if (host.HasExited)
        {
            problems.Add("the host exited");
        }

        var detail = problems.Count == 0
            ? $"{corpus.Count} requests: all 4xx problem+json, 0 5xx, host alive"
            : $"{problems.Count} bad answers, e.g. {string.Join("; ", problems.Take(4))}";
        return new ScenarioResult(Name, corpus.Count, problems.Count, started.Elapsed, detail);
    }
}
