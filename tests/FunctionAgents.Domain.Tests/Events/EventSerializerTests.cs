using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Tests.Events;

public sealed class EventSerializerTests
{
    [Fact]
    public void SerializePayload_IsCamelCaseAndOmitsNulls()
    {
        var json = EventSerializer.SerializePayload(new HumanApproved("s2", "alice", null));

        Assert.Equal("""{"stepId":"s2","approver":"alice"}""", json);
    }

    [Fact]
    public void DeserializePayload_UnknownFutureFields_SurviveRoundTrip()
    {
        const string written = """{"stepId":"s2","approver":"alice","comment":"ok","approvedVia":"teams","ticket":{"id":7}}""";

        var payload = EventSerializer.DeserializePayload(nameof(HumanApproved), written);
        var rewritten = EventSerializer.SerializePayload(payload);

        Assert.Equal("alice", ((HumanApproved)payload).Approver);
        using var a = JsonDocument.Parse(written);
        using var b = JsonDocument.Parse(rewritten);
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement));
    }

    [Fact]
    public void DeserializePayload_PolicyActionsUseSnakeCaseNames()
    {
        var json = EventSerializer.SerializePayload(new ApprovalExpired("s1", PolicyAction.RequireHumanApproval));

        Assert.Contains("\"require_human_approval\"", json, StringComparison.Ordinal);
        Assert.Equal(PolicyAction.RequireHumanApproval, ((ApprovalExpired)EventSerializer.DeserializePayload("ApprovalExpired", json)).Outcome);
    }

    [Fact]
    public void DeserializePayload_UnknownType_ThrowsNamedException() =>
        Assert.Throws<UnknownEventTypeException>(() => EventSerializer.DeserializePayload("RunTeleported", "{}"));

    [Fact]
    public void EventTypes_CoverEveryArchitectureEventName()
    {
        string[] expected =
        [
            "RunStarted", "MemoryRetrieved", "ModelCalled", "PlanGenerated", "PlanRejected", "ToolProposed", "ToolApproved",
            "ToolRejected", "ApprovalRequested", "HumanApproved", "HumanRejected", "ApprovalExpired", "ToolExecuted",
            "ObservationCaptured", "CostRecorded", "BudgetExceeded", "ResponseDrafted", "ResponseFinalized", "RunCompleted",
            "RunFailed", "RunCancelled",
            "EvaluationStarted", "RunScored", "EvaluationCompleted", "EvaluatorsScored",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), EventTypes.Names.Order(StringComparer.Ordinal));
    }
}
