using FunctionAgents.Core.Events.Payloads;
using FunctionAgents.Core.Forensics.Invariants;
using FunctionAgents.Core.Runs;
using FunctionAgents.Core.Tests.Forensics.Support;
using FunctionAgents.Core.Tests.Forensics.Support.Desk;

namespace FunctionAgents.Core.Tests.Forensics.Invariants;

public sealed class NoPiiInResponseInvariantTests
{
    [Fact]
    public async Task Check_RealisticAnswerWithoutPersonalData_Holds()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();

        // Act
        var result = new NoPiiInResponseInvariant().Check(RunEvolver.Fold(await desk.EventsAsync(runId)));

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public async Task Check_RealisticAnswerQuotingTheCustomersEmail_FailsWithoutRepeatingIt()
    {
        // Arrange
        var desk = new SupportDesk(answer: "We wrote to anna.schmidt@example.de about order 1042.");
        var runId = await desk.CompleteRunAsync();

        // Act
        var result = new NoPiiInResponseInvariant().Check(RunEvolver.Fold(await desk.EventsAsync(runId)));

        // Assert
        Assert.False(result.Holds);
        Assert.Equal("the drafted response contains email address a***@example.de", result.Violation);
        Assert.DoesNotContain("anna.schmidt", result.Violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Call us on +49 151 2345 6789 any time.", "phone number ending 89")]
    [InlineData("Our number is (555) 123-4567.", "phone number ending 67")]
    [InlineData("Reach me at 020 7946 0958.", "phone number ending 58")]
    [InlineData("Charged to 4111 1111 1111 1111 today.", "card number ending 1111")]
    [InlineData("Card 5500-0000-0000-0004 was refunded.", "card number ending 0004")]
    public void Check_PersonalDataInTheFinalAnswer_Fails(string answer, string masked)
    {
        // Arrange
        var run = Answered(answer);

        // Act
        var result = new NoPiiInResponseInvariant().Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains(masked, result.Violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Order 1042 ships on 2026-03-05 at 10:30.")]
    [InlineData("Refunds take 5 to 7 days; your total was $1,234.56.")]
    [InlineData("Reference 4111 1111 1111 1112 is not a card.")]
    [InlineData("Tracking number 1Z999AA10123456784 is on its way.")]
    [InlineData("Write to support@kestrelgoods.example if you need more.")]
    public void Check_TextThatOnlyLooksLikePersonalData_Holds(string answer)
    {
        // Arrange
        var run = Answered(answer);

        // Act
        var result = new NoPiiInResponseInvariant(["kestrelgoods.example"]).Check(run.State);

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void PassesLuhn_KnownNumbers_AreClassifiedCorrectly()
    {
        // Act + Assert
        Assert.True(PiiScanner.PassesLuhn("4111111111111111"));
        Assert.True(PiiScanner.PassesLuhn("378282246310005"));
        Assert.False(PiiScanner.PassesLuhn("4111111111111112"));
        Assert.False(PiiScanner.PassesLuhn(string.Empty));
    }

    private static ScriptedRun Answered(string text)
    {
        var run = new ScriptedRun();
        run.Start();
        run.Add(new ResponseFinalized(text));
        return run;
    }
}
