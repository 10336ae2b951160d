using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using FunctionAgents.Http.Routing;

namespace FunctionAgents.Soak.Scenarios;

internal sealed partial class TenancyScenario
{
    /// <summary>
    /// Every operation of the OpenAPI document, plus every template of <see cref="ApiRoutes"/> the document lacks
    /// (as GET), with A's ids in the path and B's key. Routes with an id must refuse; the others must not show A's data.
    /// </summary>
    private static async Task CheckRoutesAsync(
        HttpClient beta, AlphaFixture a, List<string> checks, List<string> problems, CancellationToken cancellationToken)
    {
        var operations = Operations().ToList();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (method, template) in operations)
        {
            var path = template.TrimStart('/')
                .Replace("{runId}", Uri.EscapeDataString(a.RunId), StringComparison.Ordinal)
                .Replace("{stepId}", a.StepId, StringComparison.Ordinal)
                .Replace("{evaluationId}", a.EvaluationId, StringComparison.Ordinal)
                .Replace("{subjectId}", Subject, StringComparison.Ordinal)
                .Replace("{*path}", "index.html", StringComparison.Ordinal);
            var takesAlphaId = template.Contains('{', StringComparison.Ordinal) && !template.Contains("{*path}", StringComparison.Ordinal);
            path += template switch
            {
                "/api/audit" or "/api/evaluations/days" => $"?from={today}&to={today}",
                "/api/runs/{runId}/state" => "?atSeq=1",
                _ => string.Empty,
            };

            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method == "POST")
            {
                var body = template switch
                {
                    "/api/runs" => """{"goal":"tenant beta wants A's run","metadata":{"subject":"beta-subject"}}""",
                    "/api/evaluations" => $$"""{"from":"{{today}}","to":"{{today}}"}""",
                    _ when template.Contains("approvals", StringComparison.Ordinal) => """{"decision":"approve","approver":"mallory","comment":"self-approved"}""",
                    _ => """{"reason":"tenant beta cancels A's run"}""",
                };
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                request.Headers.Add(ApiRoutes.IdempotencyKeyHeader, IdempotencyKey);
                request.Headers.Add("x-admin-key", AdminKey);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            using var response = await beta.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var text = Refused(response.StatusCode) || !template.EndsWith("/stream", StringComparison.Ordinal)
                ? await response.Content.ReadAsStringAsync(timeout.Token)
                : "(a stream was opened)";
            checks.Add($"http {method} {template}");
            var label = $"{method} {template} -> {(int)response.StatusCode}";
            if (takesAlphaId)
            {
                // A refusal may echo the id it was given; it must never show A's content.
                if (!Refused(response.StatusCode) || text.Contains(Marker, StringComparison.Ordinal))
                {
                    problems.Add($"{label}: {Shorten(text)}");
                }
            }
            else if ((int)response.StatusCode >= 500 || Leaks(text, a))
            {
                problems.Add($"{label} shows A's data: {Shorten(text)}");
            }
        }

        // The local host's metrics endpoint is no ApiRoutes template; it counts runs per tenant, so only an operator
        // key (FA_METRICS_KEYS or FA_ADMIN_KEYS) reads it: B's key must get 403 and none of A's series.
        using var metrics = await beta.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        var metricsText = await metrics.Content.ReadAsStringAsync(cancellationToken);
        checks.Add("http GET /metrics");
        if (metrics.StatusCode != HttpStatusCode.Forbidden || metricsText.Contains("fa_tenant=", StringComparison.Ordinal))
        {
            problems.Add($"GET /metrics with B's key -> {(int)metrics.StatusCode} (expected 403 without series): {Shorten(metricsText)}");
        }
    }

    private const string OperatorCheck = "operator GET /metrics";

    /// <summary>The operator's key does read A's series: the 403 above is the key's doing, not an empty or broken endpoint.</summary>
    private static async Task CheckOperatorMetricsAsync(LocalHostProcess host, List<string> checks, List<string> problems, CancellationToken cancellationToken)
    {
        using var operatorClient = host.Client(AdminKey);
        using var metrics = await operatorClient.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        var metricsText = await metrics.Content.ReadAsStringAsync(cancellationToken);
        checks.Add(OperatorCheck);
        if (metrics.StatusCode != HttpStatusCode.OK || !metricsText.Contains("fa_tenant=\"alpha\"", StringComparison.Ordinal))
        {
            problems.Add($"GET /metrics with the admin key -> {(int)metrics.StatusCode}, expected 200 with A's series: {Shorten(metricsText)}");
        }
    }

    /// <summary>(method, template) of every OpenAPI operation and of every ApiRoutes template the document does not hold.</summary>
    private static IEnumerable<(string Method, string Template)> Operations()
    {
        var file = Path.Combine(LocalHostProcess.RepositoryRoot(), "src", "FunctionAgents.Http", "OpenApi", "openapi.json");
        var document = JsonNode.Parse(File.ReadAllText(file))!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            seen.Add(path);
            foreach (var (method, _) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "patch" or "delete")
                {
                    yield return (method.ToUpperInvariant(), path);
                }
            }
        }

        foreach (var field in typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.GetValue(null) is string template && template.StartsWith("api/", StringComparison.Ordinal) &&
                template != ApiRoutes.Mcp && seen.Add("/" + template))
            {
                yield return ("GET", "/" + template);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "...";
}
