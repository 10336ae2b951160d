using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Host.Demo;

/// <summary>
/// The demo's side of the conversation, over HTTP only: start the run, print each event as it appears, approve
/// the pending external email, wait for the end, print the answer and the journal, and verify the hash chain
/// from the events the API returned (and, for comparison, from the journal table).
/// </summary>
internal sealed class DemoClient
{
    private const string Approver = "demo-operator";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http;
    private readonly IServiceProvider _services;
    private readonly TextWriter _out;

    public DemoClient(HttpClient http, IServiceProvider services, TextWriter output)
    {
        _http = http;
        _services = services;
        _out = output;
    }

    /// <summary>True when the run completed with an answer and its chain verified; otherwise throws <see cref="DemoFailedException"/> with the reason.</summary>
    public async Task<bool> RunAsync(string goal, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await _out.WriteLineAsync($"FunctionAgents demo: host on {_http.BaseAddress} (tenant {DemoRunner.Tenant})");
        await _out.WriteLineAsync($"Goal: {goal}");
        await _out.WriteLineAsync();

        using var start = await SendAsync(HttpMethod.Post, "/api/runs", $$"""{"goal":{{JsonSerializer.Serialize(goal)}}}""", cancellationToken);
        Expect(start, HttpStatusCode.Accepted, "POST /api/runs");
        var runId = Text(start.Body.RootElement, "runId");
        var statusUri = Text(start.Body.RootElement, "statusUri");
        var eventsUri = Text(start.Body.RootElement, "eventsUri");
        await _out.WriteLineAsync($"POST /api/runs -> 202 Accepted: {runId} (Location: {statusUri})");
        await _out.WriteLineAsync("Events as they happen:");

        var nextSeq = 1L;
        var approved = new HashSet<string>(StringComparer.Ordinal);
        string status;
        while (true)
        {
            nextSeq = await PrintNewEventsAsync(eventsUri, nextSeq, cancellationToken);
            using var state = await SendAsync(HttpMethod.Get, statusUri, null, cancellationToken);
            Expect(state, HttpStatusCode.OK, "GET " + statusUri);
            status = Text(state.Body.RootElement, "status");
            if (status is "completed" or "failed" or "cancelled")
            {
                await PrintNewEventsAsync(eventsUri, nextSeq, cancellationToken);
                await PrintOutcomeAsync(state.Body.RootElement, clock.Elapsed);
                break;
            }

            if (status == "awaiting_approval")
            {
                foreach (var pending in state.Body.RootElement.GetProperty("pendingApprovals").EnumerateArray())
                {
                    if (approved.Add(Text(pending, "stepId")))
                    {
                        await ApproveAsync(pending, cancellationToken);
                    }
                }
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        if (approved.Count == 0)
        {
            throw new DemoFailedException("the run never stopped for an approval; the default policy requires one for email outside kestrelgoods.example.");
        }

        var verified = await PrintJournalAndVerifyAsync(runId, eventsUri, cancellationToken);
        if (status != "completed")
        {
            throw new DemoFailedException($"the run ended {status} instead of completed (see its failure above).");
        }

        if (!verified)
        {
            throw new DemoFailedException("the run's hash chain did not verify (see above).");
        }

        await _out.WriteLineAsync();
        await _out.WriteLineAsync("Demo complete: the run completed, the approval was recorded, and the journal's chain verified.");
        return true;
    }

    private async Task<long> PrintNewEventsAsync(string eventsUri, long fromSeq, CancellationToken cancellationToken)
    {
        using var events = await SendAsync(HttpMethod.Get, $"{eventsUri}?fromSeq={fromSeq.ToString(CultureInfo.InvariantCulture)}&view=revealed", null, cancellationToken);
        Expect(events, HttpStatusCode.OK, "GET " + eventsUri);
        var next = fromSeq;
        foreach (var e in events.Body.RootElement.GetProperty("events").EnumerateArray())
        {
            await _out.WriteLineAsync(EventLine.Format(e));
            next = e.GetProperty("seq").GetInt64() + 1;
        }

        return next;
    }

    private async Task ApproveAsync(JsonElement pending, CancellationToken cancellationToken)
    {
        var stepId = Text(pending, "stepId");
        var input = pending.GetProperty("input");
        await _out.WriteLineAsync();
        await _out.WriteLineAsync($"The run is awaiting approval of step {stepId}: {Text(pending, "tool")} {EventLine.Clip(input.GetRawText(), 100)}");
        await _out.WriteLineAsync($"  rule:    {Text(pending, "rule")}");
        await _out.WriteLineAsync($"  reason:  {Text(pending, "reason")}");
        await _out.WriteLineAsync($"  expires: {Text(pending, "expiresAt")} (then: {Text(pending, "onTimeout")})");
        var approveUri = Text(pending, "approveUri");
        var body = $$"""{"decision":"approve","approver":"{{Approver}}","comment":"checked by the demo operator: the answer may go to the customer"}""";
        await _out.WriteLineAsync($"Approving: POST {approveUri} {body}");
        using var response = await SendAsync(HttpMethod.Post, approveUri, body, cancellationToken);
        Expect(response, HttpStatusCode.Accepted, "POST " + approveUri);
        await _out.WriteLineAsync($"  -> 202 Accepted; the run resumes");
        await _out.WriteLineAsync();
    }

    private async Task PrintOutcomeAsync(JsonElement state, TimeSpan elapsed)
    {
        await _out.WriteLineAsync();
        var status = Text(state, "status");
        await _out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture, $"Run {status} after {elapsed.TotalSeconds:0.0} s, cost ${state.GetProperty("costUsd").GetRawText()}"));
        if (state.TryGetProperty("failure", out var failure) && failure.ValueKind == JsonValueKind.Object)
        {
            await _out.WriteLineAsync($"Failure: {Text(failure, "code")}: {Text(failure, "reason")}");
        }

        await _out.WriteLineAsync("Final answer:");
        var response = state.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "(none)";
        foreach (var line in response.Split('\n'))
        {
            await _out.WriteLineAsync("  " + line);
        }
    }

    private async Task<bool> PrintJournalAndVerifyAsync(string runId, string eventsUri, CancellationToken cancellationToken)
    {
        using var journal = await SendAsync(HttpMethod.Get, eventsUri, null, cancellationToken);
        Expect(journal, HttpStatusCode.OK, "GET " + eventsUri);
        var events = journal.Body.RootElement.GetProperty("events");
        await _out.WriteLineAsync();
        await _out.WriteLineAsync($"Journal of {runId} ({events.GetArrayLength()} events, GET {eventsUri}):");
        var verifier = new ChainVerifier(runId);
        foreach (var e in events.EnumerateArray())
        {
            var stored = ToRunEvent(runId, e);
            verifier.Accept(stored);
            await _out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  #{stored.Seq,-3} {stored.OccurredAt:HH:mm:ss.fff} {stored.Type,-20} {stored.Actor,-14} cause {stored.CausationSeq?.ToString(CultureInfo.InvariantCulture) ?? "-",-3} prev {stored.PrevHash[..12]} hash {stored.Hash[..12]}"));
        }

        var overHttp = verifier.Result();
        var inTable = await _services.GetRequiredService<IEventJournal>().VerifyChainAsync(runId, cancellationToken);
        await _out.WriteLineAsync();
        await _out.WriteLineAsync($"Chain recomputed from the API's events: {Describe(overHttp)}");
        await _out.WriteLineAsync($"Chain verified in the journal table:    {Describe(inTable)}");
        return overHttp.IsValid && inTable.IsValid;
    }

    private static string Describe(ChainVerification result) =>
        result.IsValid
            ? $"valid ({result.EventsChecked} events, every hash recomputed and linked)"
            : $"BROKEN at Seq {result.FirstBadSeq}: {result.Problem}";

    private static RunEvent ToRunEvent(string runId, JsonElement e) => new(
        runId,
        e.GetProperty("seq").GetInt64(),
        Text(e, "type"),
        Text(e, "actor"),
        e.GetProperty("occurredAt").GetDateTimeOffset(),
        Text(e, "tenantId"),
        Text(e, "correlationId"),
        e.GetProperty("causationSeq").ValueKind == JsonValueKind.Number ? e.GetProperty("causationSeq").GetInt64() : null,
        Text(e, "traceParent"),
        e.GetProperty("schemaVersion").GetInt32(),
        e.GetProperty("payload").GetRawText(),
        Text(e, "prevHash"),
        Text(e, "hash"));

    private async Task<ApiResponse> SendAsync(HttpMethod method, string uri, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
        }
        catch (JsonException ex)
        {
            throw new DemoFailedException($"{method} {uri} answered {(int)response.StatusCode} with a body that is not JSON: {ex.Message}", ex);
        }

        return new ApiResponse(response.StatusCode, body);
    }

    private static void Expect(ApiResponse response, HttpStatusCode expected, string what)
    {
        if (response.Status != expected)
        {
            throw new DemoFailedException($"{what} answered {(int)response.Status} instead of {(int)expected}: {response.Body.RootElement.GetRawText()}");
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private sealed record ApiResponse(HttpStatusCode Status, JsonDocument Body) : IDisposable
    {
        public void Dispose() => Body.Dispose();
    }
}
