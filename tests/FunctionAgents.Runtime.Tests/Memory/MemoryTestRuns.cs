using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Memory;
using FunctionAgents.Runtime.Memory;

namespace FunctionAgents.Runtime.Tests.Memory;

/// <summary>Finished runs and memory entries for the memory tests.</summary>
internal static class MemoryTestRuns
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A finished run of tenant-a that asked for <paramref name="scope"/>, looked up Anna's record and answered her.</summary>
    public static ScriptedRun Finished(string scope = "long_term")
    {
        var run = new ScriptedRun(runId: "run-memory");
        run.Add(new RunStarted("Refund order 1042 for anna.schmidt@example.de", 5, 1m, Now.AddHours(1), "http", null, new Dictionary<string, string> { [MemoryScopes.MetadataKey] = scope }), cause: null);
        run.Plan(("s1", "query_sql", """{"sql":"SELECT 1"}"""), ("s2", "create_ticket", """{"title":"refund"}"""));
        run.Propose("s1", "query_sql", """{"sql":"SELECT 1"}""");
        run.Allow("s1", "query_sql");
        run.ExecuteWith("s1", "query_sql", """{"sql":"SELECT 1"}""", """{"rows":[{"first_name":"Anna","last_name":"Schmidt","email":"anna.schmidt@example.de","phone":"+49 151 2345 6789"}]}""");
        run.Propose("s2", "create_ticket", """{"title":"refund"}""");
        run.Allow("s2", "create_ticket");
        run.ExecuteWith("s2", "create_ticket", """{"title":"refund"}""", """{"ticketId":"T-77"}""");
        run.Add(new ResponseFinalized("Anna Schmidt, your refund for order 1042 is on its way; we call +49 151 2345 6789 if needed."));
        run.Add(new RunCompleted(2, 0, 0.02m, null));
        return run;
    }

    public static MemoryEntry Entry(string id, string text, DateTimeOffset created, TimeSpan ttl, string tenant = "tenant-a") =>
        new(tenant, id, "resolved_question", text, "run-old", 7, created, created + ttl);
}
