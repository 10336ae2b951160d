using System.Globalization;
using System.Text;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>One hostile request: every one of them must be refused with a 4xx problem+json.</summary>
internal sealed record BadRequest(HttpMethod Method, string Path, string? Body, string Label, string ContentType = "application/json")
{
    /// <summary>For a wrong method: the <c>Allow</c> header the 405 must carry; null for every other request (any 4xx).</summary>
    public string? Allow { get; init; }
}

/// <summary>An MCP <c>tools/call</c> with wrong arguments: refused with a tool error whose text contains <paramref name="Expected"/>.</summary>
internal sealed record BadMcpCall(string Tool, string Arguments, string Expected);

/// <summary>
/// The generated corpus: malformed, oversized, wrongly typed and boundary values (unicode, nulls, deep nesting,
/// 1e308, -0) for each field of the start body, and hostile ids and bodies on the other routes.
/// </summary>
internal static class BadInputCorpus
{
    private static readonly string[] BadNumbers = ["1e308", "-1e308", "-0", "0", "-1", "2147483648", "1e-308", "\"5\"", "true", "[]", "{}", "\"NaN\""];
    private static readonly string[] BadStrings = ["1", "true", "[]", "{}", "\"\"", "\"   \"", "\"\\ud800\"", "\"\\udfff x\""];

    // A NUL in a path is refused by Kestrel itself with an empty 400 before the app runs, so it is not in the corpus.
    private static readonly string[] BadIds = ["%F0%9F%99%82", "..%2F..%2Fetc", new string('x', 2_000), "%ud800", "a%20b", "null", "-0"];

    public static IEnumerable<BadRequest> Generate()
    {
        string[] notObjects = ["", "{", "null", "[]", "1", "\"goal\"", "{\"goal\":\"g\",}", "{\"goal\":\"g\"}{}"];
        foreach (var body in notObjects)
        {
            yield return new BadRequest(HttpMethod.Post, "api/runs", body, $"body {Show(body)}");
        }

        yield return new BadRequest(HttpMethod.Post, "api/runs", "{}", "no goal");
        yield return new BadRequest(HttpMethod.Post, "api/runs", "{\"goal\":null}", "goal null");
        foreach (var value in BadStrings)
        {
            yield return Start($"\"goal\":{value}", $"goal {value}");
            yield return Start($"\"goal\":\"g\",\"correlationId\":{value}", $"correlationId {value}");
        }

        yield return Start($"\"goal\":\"{new string('g', 4_001)}\"", "goal 4001 chars");
        yield return Start($"\"goal\":\"{new string('g', 2_000_000)}\"", "goal 2 MB");
        yield return Start($"\"goal\":\"{string.Concat(Enumerable.Repeat("\\ud83d\\ude42", 4_001))}\"", "goal 4001 emoji");
        foreach (var value in BadNumbers)
        {
            yield return Start($"\"goal\":\"g\",\"budgetUsd\":{value}", $"budgetUsd {value}");
            yield return Start($"\"goal\":\"g\",\"maxSteps\":{value}", $"maxSteps {value}");
        }

        yield return Start("\"goal\":\"g\",\"maxSteps\":1.5", "maxSteps 1.5");

        yield return Start("\"goal\":\"g\",\"metadata\":[]", "metadata array");
        yield return Start("\"goal\":\"g\",\"metadata\":{\"a\":null}", "metadata value null");
        yield return Start("\"goal\":\"g\",\"metadata\":{\"a\":{\"b\":{\"c\":1}}}", "metadata nested");
        yield return Start("\"goal\":\"g\",\"metadata\":{" + string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"k{i}\":\"v\"")) + "}", "metadata 21 entries");
        yield return Start("\"goal\":\"g\",\"tenant\":\"beta\"", "tenant in body");
        yield return Start("\"goal\":\"g\",\"goal\":\"h\"", "duplicate goal");
        yield return Start("\"goal\":\"g\",\"x\":" + new string('[', 10_000) + new string(']', 10_000), "nesting 10,000 deep");
        yield return new BadRequest(HttpMethod.Post, "api/runs", "{\"goal\":\"g\"}", "text/plain body", "text/plain");
        const string ToolsList = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        yield return new BadRequest(HttpMethod.Post, "api/mcp", ToolsList, "MCP text/plain body", "text/plain");
        yield return new BadRequest(HttpMethod.Post, "api/mcp", "a=b", "MCP form body", "application/x-www-form-urlencoded");
        yield return new BadRequest(HttpMethod.Post, "api/mcp", "<a/>", "MCP XML body", "application/xml");
        yield return new BadRequest(HttpMethod.Get, "api/runs/r-unknown/state?atSeq=-1", null, "state atSeq=-1");
        yield return new BadRequest(HttpMethod.Get, "api/runs/r-unknown/state?atSeq=abc", null, "state atSeq=abc");
        yield return new BadRequest(HttpMethod.Get, "api/runs?from=2026-12-07T00:00:00Z&to=2026-12-01T00:00:00Z", null, "list runs to before from");

        foreach (var id in BadIds)
        {
            var label = id.Length > 20 ? $"id of {id.Length.ToString(CultureInfo.InvariantCulture)} chars" : $"id {id}";
            yield return new BadRequest(HttpMethod.Get, $"api/runs/{id}", null, $"GET run {label}");
            yield return new BadRequest(HttpMethod.Get, $"api/runs/{id}/events", null, $"GET events {label}");
            yield return new BadRequest(HttpMethod.Get, $"api/runs/{id}/timeline", null, $"GET timeline {label}");
            yield return new BadRequest(HttpMethod.Get, $"api/runs/{id}/state", null, $"GET state {label}");
            yield return new BadRequest(HttpMethod.Post, $"api/runs/{id}/cancel", "{}", $"cancel {label}");
            yield return new BadRequest(HttpMethod.Post, $"api/runs/{id}/approvals/{id}", "{\"approved\":true}", $"approve {label}");
            yield return new BadRequest(HttpMethod.Get, $"api/evaluations/{id}", null, $"GET evaluation {label}");
        }

        // A wrong method on a route that exists: 405 with Allow naming the route's methods (not the fallback's 404).
        (string Method, string Path, string Allow)[] wrongMethods =
        [
            ("GET", "api/subjects/subject-1/erase", "POST"), ("PUT", "api/mcp", "POST"), ("PUT", "mcp", "POST"), ("HEAD", "api/openapi.json", "GET"),
            ("DELETE", "api/runs", "GET, POST"), ("PUT", "api/runs/r-unknown", "GET"), ("PATCH", "api/runs/r-unknown/cancel", "POST"),
            ("GET", "api/runs/r-unknown/approvals/s-1", "POST"), ("POST", "api/health", "GET"), ("DELETE", "api/audit", "GET"),
            ("PUT", "api/evaluations/latest", "GET"), ("GET", "api/evaluations", "POST"), ("POST", "api/dashboard/index.html", "GET"),
            ("OPTIONS", "api/runs/r-unknown/events", "GET"),
        ];
        foreach (var (method, path, allow) in wrongMethods)
        {
            yield return new BadRequest(new HttpMethod(method), path, null, $"{method} {path}") { Allow = allow };
        }

        string[] queries = ["pageSize=-1", "pageSize=0", "pageSize=1e308", "pageSize=abc", "pageSize=1&pageSize=2", "status=%F0%9F%99%82", "from=1e308", "to=-0"];
        foreach (var query in queries)
        {
            yield return new BadRequest(HttpMethod.Get, $"api/runs?{query}", null, $"list runs ?{query}");
        }
    }

    /// <summary>MCP tool calls with arguments of the wrong type, missing or unknown.</summary>
    public static IEnumerable<BadMcpCall> McpCalls()
    {
        const string Integer = "an integer (-2147483648 to 2147483647)";
        yield return new BadMcpCall("start_run", "{\"goal\":123}", "argument 'goal' must be a string, was the number 123");
        yield return new BadMcpCall("start_run", "{\"goal\":{\"text\":\"hi\"}}", "argument 'goal' must be a string, was an object");
        yield return new BadMcpCall("start_run", "{\"goal\":[\"g\"]}", "argument 'goal' must be a string, was an array");
        yield return new BadMcpCall("start_run", "{}", "argument 'goal' is required (a string)");
        yield return new BadMcpCall("start_run", "{\"goal\":\"g\",\"idempotencyKey\":7}", "argument 'idempotencyKey' must be a string or null, was the number 7");
        yield return new BadMcpCall("start_run", "{\"goal\":\"g\",\"budgetUsd\":1}", "unknown argument 'budgetUsd'");
        yield return new BadMcpCall("list_runs", "{\"pageSize\":\"50\"}", $"argument 'pageSize' must be {Integer}, was a string");
        yield return new BadMcpCall("list_runs", "{\"pageSize\":1e308}", $"argument 'pageSize' must be {Integer}, was the number 1e308");
        yield return new BadMcpCall("list_runs", "{\"pageSize\":2.5}", $"argument 'pageSize' must be {Integer}, was the number 2.5");
        yield return new BadMcpCall("list_runs", "{\"status\":true}", "argument 'status' must be a string or null, was a boolean");
        yield return new BadMcpCall("get_run", "{\"runId\":null}", "argument 'runId' must be a string, was null");
        yield return new BadMcpCall("get_run", "{}", "argument 'runId' is required (a string)");
        yield return new BadMcpCall("explain_run", "{\"runId\":{}}", "argument 'runId' must be a string, was an object");
        yield return new BadMcpCall("cancel_run", "{\"runId\":\"r\",\"reason\":[]}", "argument 'reason' must be a string or null, was an array");
        yield return new BadMcpCall("decide_approval", "{\"runId\":\"r\",\"stepId\":\"s\",\"decision\":true}", "argument 'decision' must be a string, was a boolean");
        yield return new BadMcpCall("decide_approval", "{\"runId\":\"r\",\"decision\":\"approve\"}", "argument 'stepId' is required (a string)");
        yield return new BadMcpCall("list_pending_approvals", "{\"all\":true}", "unknown argument 'all': this tool takes no arguments");
    }

    private static BadRequest Start(string fields, string label) => new(HttpMethod.Post, "api/runs", "{" + fields + "}", label);

    private static string Show(string body)
    {
        var text = new StringBuilder(body.Length > 20 ? body[..20] : body);
        return text.Length == 0 ? "(empty)" : text.ToString();
    }
}
