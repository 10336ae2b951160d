using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Tests.Events;

public sealed class ChainVerifierTests
{
    private static List<RunEvent> Chain(int count)
    {
        var run = new RunIdentity("run-1", "t1", "corr", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var drafts = Enumerable.Range(1, count).Select(i => new EventDraft(Actors.Human, new HumanApproved($"s{i}", "a", null), null));
        return [.. EventSealer.Seal(run, 1, EventHasher.GenesisHash, DateTimeOffset.UnixEpoch, drafts)];
    }

    private static ChainVerification Verify(IEnumerable<RunEvent> events)
    {
        var verifier = new ChainVerifier("run-1");
        foreach (var e in events)
        {
            if (!verifier.Accept(e))
            {
                break;
            }
        }

        return verifier.Result();
    }

    [Fact]
    public void Verify_IntactChain_IsValid() => Assert.True(Verify(Chain(5)).IsValid);

    [Fact]
    public void Verify_AlteredPayload_NamesThatSeq()
    {
        var events = Chain(5);
        events[2] = events[2] with { Payload = events[2].Payload.Replace("\"a\"", "\"mallory\"", StringComparison.Ordinal) };

        Assert.Equal(3, Verify(events).FirstBadSeq);
    }

    [Fact]
    public void Verify_RemovedEvent_NamesTheGap()
    {
        var events = Chain(5);
        events.RemoveAt(3);

        Assert.Equal(4, Verify(events).FirstBadSeq);
    }

    [Fact]
    public void Verify_Reordered_NamesFirstOutOfPlace()
    {
        var events = Chain(5);
        (events[1], events[2]) = (events[2], events[1]);

        Assert.Equal(2, Verify(events).FirstBadSeq);
    }

    [Fact]
    public void Verify_InsertedRehashedEvent_BreaksTheNextLink()
    {
        var events = Chain(5);
        var forged = events[1] with { Payload = "{\"stepId\":\"x\",\"approver\":\"m\"}" };
        events[1] = forged with { Hash = forged.ComputeHash() };

        var result = Verify(events);

        Assert.Equal(3, result.FirstBadSeq);
        Assert.Contains("PrevHash", result.Problem, StringComparison.Ordinal);
    }
}
