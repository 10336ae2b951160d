namespace FunctionAgents.Domain.Forensics.Explaining;

/// <summary>One name/value label of an explained event, e.g. <c>tool=send_email</c> or <c>outcome=failure</c>.</summary>
public sealed record EventTag(string Name, string Value)
{
    public override string ToString() => $"{Name}={Value}";
}
