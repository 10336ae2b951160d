namespace FunctionAgents.Core.Forensics.Invariants;

/// <summary>One piece of personal data found in a text, masked so a report never repeats it.</summary>
internal sealed record PiiFinding(PiiKind Kind, string Masked, int Index);
