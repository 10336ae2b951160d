using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 8: tenant B's key on tenant A's ids, on every route of the OpenAPI document, every tool the MCP
/// server lists, <c>GET /metrics</c> and every CLI verb that takes a run id. B never reads or changes anything of A's:
/// routes with A's ids answer 404 or 403, lists and reports never name A's runs, <c>/metrics</c> answers B 403 (and
/// the admin key A's series), and A's run is unchanged at the end.
/// </summary>
internal sealed partial class TenancyScenario : IScenario
{
    private const string Prefix = "soaktenancy";
    private const string AdminKey = "soak-admin-key-0123456789";
    private const string Marker = "TenancyAlphaMarker";
    private const string Subject = "soak-tenancy-subject";
    private const string IdempotencyKey = "tenancy-alpha-key";

    public string Name => "tenancy";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var settings = new Dictionary<string, string> { ["FA_ADMIN_KEYS"] = $"ops:{AdminKey}" };
        await using var host = await LocalHostProcess.StartAsync(environment.ConnectionString, Prefix, settings, cancellationToken);
        using var alpha = host.Client(LocalHostProcess.AlphaKey);
        using var beta = host.Client(LocalHostProcess.BetaKey);
        var a = await ArrangeAlphaAsync(alpha, cancellationToken);

        var checks = new List<string>();
        var problems = new List<string>();
        var known = new List<string>();
        await CheckRoutesAsync(beta, a, checks, problems, cancellationToken);
        await CheckOperatorMetricsAsync(host, checks, problems, cancellationToken);
        await CheckMcpAsync(beta, a, checks, problems, cancellationToken);
        await CheckCliAsync(environment, host, a, checks, problems, known, cancellationToken);

        var after = await new RunApi(alpha).GetAsync(a.RunId, cancellationToken);
        if (after is null || (string?)after["status"] != "awaiting_approval" || (long)after["lastSeq"]! != a.LastSeq ||
            !(after["goal"]?.ToString().Contains(Marker, StringComparison.Ordinal) ?? false))
        {
            problems.Add($"A's run changed: {after?["status"]}, lastSeq {after?["lastSeq"]} (was {a.LastSeq}), goal {after?["goal"]}");
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"  tenancy: {problem}");
        }

        foreach (var gap in known)
        {
            Console.Error.WriteLine($"  tenancy (known gap): {gap}");
        }

        var detail = problems.Count == 0
            ? $"{checks.Count(c => c != OperatorCheck)} calls with B's key on A's ids ({checks.Count(c => c.StartsWith("http", StringComparison.Ordinal))} HTTP, " +
              $"{checks.Count(c => c.StartsWith("mcp", StringComparison.Ordinal))} MCP, {checks.Count(c => c.StartsWith("cli", StringComparison.Ordinal))} CLI): 0 reads or actions across tenants (/metrics: 403), A's run unchanged; the admin key reads /metrics" +
              (known.Count == 0 ? string.Empty : $"; known gaps (not counted): {string.Join("; ", known)}")
            : $"{problems.Count} cross-tenant answers, e.g. {string.Join("; ", problems.Take(3))}";
        return new ScenarioResult(Name, checks.Count + 1, problems.Count, started.Elapsed, detail);
    }

    /// <summary>Tenant A's fixtures: a run waiting for approval of its external email, for a data subject, and an evaluation report.</summary>
    private static async Task<AlphaFixture> ArrangeAlphaAsync(HttpClient alpha, CancellationToken cancellationToken)
    {
        var api = new RunApi(alpha);
        var body = new JsonObject
        {
            ["goal"] = $"{Marker}: a customer in Germany asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer",
            ["metadata"] = new JsonObject { ["subject"] = Subject },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/runs", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(Http.Routing.ApiRoutes.IdempotencyKeyHeader, IdempotencyKey);
        using var response = await alpha.SendAsync(request, cancellationToken);
        var runId = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["runId"]!;
        var run = await api.WaitAsync(runId, TimeSpan.FromSeconds(60), cancellationToken, "awaiting_approval")
            ?? throw new InvalidOperationException("A's run never appeared.");
        if ((string?)run["status"] != "awaiting_approval")
        {
            throw new InvalidOperationException($"A's run should wait for approval, is {run["status"]}.");
        }

        var stepId = (string)run["pendingApprovals"]![0]!["stepId"]!;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var evaluation = await alpha.PostAsync(
            new Uri("api/evaluations", UriKind.Relative),
            new StringContent($$"""{"from":"{{today}}","to":"{{today}}"}""", Encoding.UTF8, "application/json"),
            cancellationToken);
        var report = JsonNode.Parse(await evaluation.Content.ReadAsStringAsync(cancellationToken));
        var evaluationId = (string?)report?["evaluationId"] ?? (string?)report?["id"]
            ?? throw new InvalidOperationException($"A's evaluation answered {(int)evaluation.StatusCode} without an id.");
        return new AlphaFixture(runId, stepId, evaluationId, (long)run["lastSeq"]!);
    }

    /// <summary>Tenant A's ids that tenant B tries to use.</summary>
    private sealed record AlphaFixture(string RunId, string StepId, string EvaluationId, long LastSeq);

    /// <summary>True when <paramref name="body"/> shows anything of A's: a run id, the goal marker or the evaluation id.</summary>
    private static bool Leaks(string body, AlphaFixture a) =>
        body.Contains(a.RunId, StringComparison.Ordinal) || body.Contains(Marker, StringComparison.Ordinal) ||
        body.Contains(a.EvaluationId, StringComparison.Ordinal);

    private static bool Refused(HttpStatusCode status) => status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;
}
