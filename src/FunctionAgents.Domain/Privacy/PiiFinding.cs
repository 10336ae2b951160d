namespace FunctionAgents.Domain.Privacy;

/// <summary>One piece of personal data found in a text, masked so a report never repeats it.</summary>
/// <param name="Length">How many characters of the text it spans (for redaction and for the invariant's allow list).</param>
internal sealed record PiiFinding(PiiKind Kind, string Masked, int Index, int Length);
