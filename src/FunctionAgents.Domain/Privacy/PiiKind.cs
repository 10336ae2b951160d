namespace FunctionAgents.Domain.Privacy;

/// <summary>The kinds of personal data <see cref="PiiScanner"/> recognizes.</summary>
internal enum PiiKind
{
    Email,
    Phone,
    CardNumber,
    Iban,
}
