using FunctionAgents.Domain.Evaluation.Replay;

namespace FunctionAgents.Runtime.Tests.Evaluation;

/// <summary>The committed golden journals still describe what the engine writes for each scenario.</summary>
public sealed class GoldenJournalFileTests
{
    [Theory]
    [MemberData(nameof(GoldenScenarios.Names), MemberType = typeof(GoldenScenarios))]
    public async Task FreshRecording_MatchesCommittedJournal(string name)
    {
        var scenario = GoldenScenarios.Named(name);
        var fresh = await scenario.RecordAsync();
        if (GoldenJournals.Regenerate)
        {
            GoldenJournals.Save(name, fresh);
            if (name == "completed")
            {
                GoldenJournals.Save(GoldenJournals.DivergentName, GoldenJournals.MakeDivergent(fresh));
            }
        }

        var committed = GoldenJournals.Load(name);

        Assert.Null(ReplayComparer.FirstDivergence(committed, fresh));
    }

    [Fact]
    public void DivergentJournal_HasAnIntactHashChain()
    {
        var events = GoldenJournals.Load(GoldenJournals.DivergentName);

        var verifier = new Runtime.Journal.ChainVerifier(events[0].RunId);

        Assert.All(events, e => Assert.True(verifier.Accept(e), verifier.Problem));
    }
}
