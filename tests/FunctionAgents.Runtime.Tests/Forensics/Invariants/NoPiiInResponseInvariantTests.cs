using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Runtime.Tests.Forensics.Support;

namespace FunctionAgents.Runtime.Tests.Forensics.Invariants;

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

    [Fact]
    public void Check_AnswerQuotesTheAddressTheGoalNamed_Holds()
    {
        // Arrange: telling the customer their own address is the answer, not a leak.
        var run = new ScriptedRun();
        run.Start(goal: "Has my refund for anna.schmidt@example.de been sent?");
        run.Add(new ResponseFinalized("Yes: we wrote to Anna.Schmidt@example.de this morning."));

        // Act
        var result = new NoPiiInResponseInvariant().Check(run.State);

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void Check_AnswerQuotesThePhoneOfTheRecordLookedUpForTheSubject_Holds()
    {
        // Arrange
        var run = LookedUp("""{"rows":[{"name":"Anna Schmidt","email":"anna.schmidt@example.de","phone":"+49 151 2345 6789"}]}""");
        run.Add(new ResponseFinalized("We will call you on +49 151 2345 6789."));

        // Act
        var result = new NoPiiInResponseInvariant().Check(run.State);

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void Check_AnswerQuotesAnotherCustomersRecord_Fails()
    {
        // Arrange
        var run = LookedUp("""{"rows":[{"email":"anna.schmidt@example.de","phone":"+49 151 2345 6789"},{"email":"bob@example.com","phone":"+44 20 7946 0958"}]}""");
        run.Add(new ResponseFinalized("Bob is on +44 20 7946 0958, mail bob@example.com."));

        // Act
        var result = new NoPiiInResponseInvariant().Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains("phone number ending 58", result.Violation, StringComparison.Ordinal);
        Assert.Contains("b***@example.com", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AnswerQuotesTheCustomerOfTheOrderTheGoalNamed_Holds()
    {
        // Arrange: the demo's shape: the goal names order 1042, the run looks the order up with its customer.
        var run = new ScriptedRun();
        run.Start(goal: "A customer asks whether order 1042 can still be refunded");
        run.Plan(("s1", "query_sql", """{"sql":"SELECT 1"}"""));
        run.Propose("s1", "query_sql", """{"sql":"SELECT 1"}""");
        run.Allow("s1", "query_sql");
        run.ExecuteWith("s1", "query_sql", """{"sql":"SELECT 1"}""", """{"rows":[{"order_id":1042,"email":"anna.schmidt@example.de"},{"order_id":1043,"email":"bob@example.com"}]}""");
        run.Add(new ResponseFinalized("We will confirm to anna.schmidt@example.de."));

        // Act
        var result = new NoPiiInResponseInvariant().Check(run.State);

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    private static ScriptedRun LookedUp(string rows)
    {
        var run = new ScriptedRun();
        run.Start(goal: "Please call me back, I am anna.schmidt@example.de");
        run.Plan(("s1", "query_sql", """{"sql":"SELECT 1"}"""));
        run.Propose("s1", "query_sql", """{"sql":"SELECT 1"}""");
        run.Allow("s1", "query_sql");
        run.ExecuteWith("s1", "query_sql", """{"sql":"SELECT 1"}""", rows);
        return run;
    }

    private static ScriptedRun Answered(string text)
    {
        var run = new ScriptedRun();
        run.Start();
        run.Add(new ResponseFinalized(text));
        return run;
    }
}
