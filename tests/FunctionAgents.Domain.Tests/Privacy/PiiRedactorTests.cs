using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Domain.Tests.Privacy;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("Write to anna.schmidt@example.de today", "Write to [email] today")]
    [InlineData("mail: J.Doe+tag@mail.shop.co.uk.", "mail: [email].")]
    [InlineData("Call +49 151 2345 6789 now", "Call [phone] now")]
    [InlineData("Call (555) 123-4567.", "Call [phone].")]
    [InlineData("Pay to DE89 3704 0044 0532 0130 00 please", "Pay to [iban] please")]
    [InlineData("IBAN GB82WEST12345698765432", "IBAN [iban]")]
    [InlineData("Card 4111 1111 1111 1111 was charged", "Card [card] was charged")]
    [InlineData("Card 5500-0000-0000-0004.", "Card [card].")]
    public void Redact_PersonalData_IsReplacedByItsMarker(string text, string expected) =>
        Assert.Equal(expected, PiiRedactor.Redact(text));

    [Theory]
    [InlineData("Order 1042 ships on 2026-03-05 at 10:30.")]
    [InlineData("Reference 4111 1111 1111 1112 is not a card.")]
    [InlineData("DE89 3704 0044 0532 0130 01 fails the check")]
    [InlineData("The at sign @ alone, or user@localhost, is no address.")]
    [InlineData("Refunds take 5 to 7 days; your total was $1,234.56.")]
    public void Redact_TextThatOnlyLooksLikePersonalData_IsUnchanged(string text) =>
        Assert.Equal(text, PiiRedactor.Redact(text));

    [Fact]
    public void Redact_KnownCustomerName_IsReplacedWhereverItAppears()
    {
        // Act
        var redacted = PiiRedactor.Redact("Anna Schmidt asked; ANNA SCHMIDT prefers email.", ["Anna Schmidt"]);

        // Assert
        Assert.Equal("[name] asked; [name] prefers email.", redacted);
    }

    [Fact]
    public void Redact_KnownNameNotInText_LeavesOtherNamesAlone() =>
        Assert.Equal("Bob Meyer asked.", PiiRedactor.Redact("Bob Meyer asked.", ["Anna Schmidt"]));
}
