using System.Security.Cryptography;
using System.Text;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Tests.Events;

public sealed class EventHasherTests
{
    [Fact]
    public void Compute_FollowsThePublishedFormat()
    {
        var time = new DateTimeOffset(2026, 11, 20, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var expectedText = string.Join('\n', new string('0', 64), "run-1", "3", "HumanApproved", "2026-11-20T09:30:15.1234567Z",
            "human", "t1", "corr-9", "2", """{"stepId":"s2","approver":"alice"}""");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expectedText)));

        var actual = EventHasher.Compute(new string('0', 64), "run-1", 3, "HumanApproved", time, "human", "t1", "corr-9", 2, """{"stepId":"s2","approver":"alice"}""");

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Seal_ChainsEveryEventToThePrevious()
    {
        var run = new RunIdentity("run-1", "t1", "corr", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

        var events = EventSealer.Seal(run, 1, EventHasher.GenesisHash, now,
        [
            new EventDraft(Actors.Human, new HumanApproved("s1", "a", null), null),
            new EventDraft(Actors.Human, new HumanRejected("s2", "b", "no"), 1),
        ]);

        Assert.Equal(EventHasher.GenesisHash, events[0].PrevHash);
        Assert.Equal(events[0].Hash, events[1].PrevHash);
        Assert.All(events, e => Assert.Equal(e.Hash, e.ComputeHash()));
        Assert.Equal([1L, 2L], events.Select(e => e.Seq));
    }
}
