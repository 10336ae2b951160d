using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Tests.Forensics.Support;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tests.Forensics.Support;

namespace FunctionAgents.Domain.Tests.Forensics;

public sealed class EventExplainerTests
{
    public static TheoryData<string> EveryEventType => [.. EventTypes.Names.Order(StringComparer.Ordinal)];

    [Fact]
    public void SamplePayloads_CoverEveryKnownEventType()
    {
        // Arrange
        var known = EventTypes.Names.ToHashSet(StringComparer.Ordinal);

        // Act
        var missing = known.Except(SamplePayloads.ByType.Keys).ToList();

        // Assert
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public void Explain_EveryKnownType_HasItsOwnOneLineWording(string type)
    {
        // Arrange
        var e = SamplePayloads.Seal(SamplePayloads.ByType[type]);

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.False(string.IsNullOrWhiteSpace(explanation.Title));
        Assert.False(string.IsNullOrWhiteSpace(explanation.Summary));
        Assert.DoesNotContain('\n', explanation.Title + explanation.Summary);
        Assert.Null(explanation.Tag("generic"));
        Assert.Equal(type, explanation.Tag("type"));
        Assert.Equal(Actors.Orchestrator, explanation.Tag("actor"));
    }

    [Fact]
    public void Explain_ApprovalRequested_NamesToolRecipientRuleAndPolicyVersion()
    {
        // Arrange
        var e = SamplePayloads.Seal(SamplePayloads.ByType[nameof(ApprovalRequested)], Actors.PolicyGuard);

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.Equal("Approval required for send_email", explanation.Title);
        Assert.StartsWith(
            "Policy required approval for send_email to a@external.example about \"Your refund\" (rule deny_external_email_without_approval, policy 3f2a…)",
            explanation.Summary,
            StringComparison.Ordinal);
        Assert.Equal("send_email", explanation.Tag("tool"));
        Assert.Equal("deny_external_email_without_approval", explanation.Tag("rule"));
        Assert.Equal(ScriptedRun.PolicyVersion, explanation.Tag("policy_version"));
    }

    [Fact]
    public void Explain_FailedObservation_TagsFailureAndErrorCode()
    {
        // Arrange
        var e = SamplePayloads.Seal(new ObservationCaptured("s1", "search_docs", "r:4", new ToolObservation(false, null, new ToolError("timeout", "slow"), 5000, false)));

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.Equal("search_docs failed", explanation.Title);
        Assert.Contains("timeout: slow", explanation.Summary, StringComparison.Ordinal);
        Assert.Equal("failure", explanation.Tag("outcome"));
        Assert.Equal("timeout", explanation.Tag("error"));
    }

    [Fact]
    public void Explain_RuntimeRejection_IsNotAttributedToPolicy()
    {
        // Arrange
        var e = SamplePayloads.Seal(new ToolRejected("s2", "send_email", [], "input could not be resolved: no such step", string.Empty));

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.Equal("Runtime refused send_email", explanation.Title);
        Assert.Equal("runtime", explanation.Tag("decided_by"));
    }

    [Fact]
    public void Explain_HumanApproved_QuotesApproverAndComment()
    {
        // Arrange
        var e = SamplePayloads.Seal(new HumanApproved("s2", "ana", "address checked\nwith the customer"), Actors.Human);

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.Equal("ana approved step s2", explanation.Title);
        Assert.Equal("ana approved the tool call of step s2: \"address checked with the customer\"", explanation.Summary);
    }

    [Fact]
    public void Explain_UnknownType_RendersGenericallyWithoutThrowing()
    {
        // Arrange
        var e = SamplePayloads.Seal(new ResponseFinalized("x")) with { Type = "ToolRetried", Payload = """{"stepId":"s1"}""" };

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.Equal("Tool retried", explanation.Title);
        Assert.Contains("does not know", explanation.Summary, StringComparison.Ordinal);
        Assert.Equal("true", explanation.Tag("generic"));
    }

    [Fact]
    public void Explain_UnreadablePayload_RendersGenerically()
    {
        // Arrange
        var e = SamplePayloads.Seal(new ResponseFinalized("x")) with { Payload = "{not json" };

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.Equal("true", explanation.Tag("generic"));
        Assert.Contains("could not be read", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_LongGoal_IsCutToOneShortLine()
    {
        // Arrange
        var goal = string.Join(' ', Enumerable.Repeat("please", 400));
        var e = SamplePayloads.Seal(new RunStarted(goal, 3, 1m, ScriptedRun.DefaultStart, "queue", null, null));

        // Act
        var explanation = EventExplainer.Explain(e);

        // Assert
        Assert.True(explanation.Summary.Length <= 240, explanation.Summary);
        Assert.Contains("…", explanation.Summary, StringComparison.Ordinal);
    }
}
