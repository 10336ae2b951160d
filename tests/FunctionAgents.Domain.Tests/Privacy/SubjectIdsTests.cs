using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Domain.Tests.Privacy;

public sealed class SubjectIdsTests
{
    [Fact]
    public void Resolve_MetadataNamesTheSubject_MetadataWins() =>
        Assert.Equal("cust-42", SubjectIds.Resolve("run-1", Started("mail bob@example.com", new Dictionary<string, string> { ["customer_id"] = " CUST-42 " })));

    [Fact]
    public void Resolve_GoalWithEmail_FirstEmailLowercased() =>
        Assert.Equal("anna@example.de", SubjectIds.Resolve("run-1", Started("Where is the order of Anna@Example.de and bob@example.com?")));

    [Fact]
    public void Resolve_NoOneNamed_TheRunIsItsOwnSubject() =>
        Assert.Equal("run:run-1", SubjectIds.Resolve("run-1", Started("How long do refunds take?")));

    [Fact]
    public void Reference_SameSubjectOtherTenant_Differs() =>
        Assert.NotEqual(SubjectIds.Reference("tenant-a", "cust-42"), SubjectIds.Reference("tenant-b", "cust-42"));

    private static RunStarted Started(string goal, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(goal, 5, 1m, DateTimeOffset.UnixEpoch, "http", null, metadata);
}
