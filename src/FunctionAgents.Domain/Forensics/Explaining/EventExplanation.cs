namespace FunctionAgents.Domain.Forensics.Explaining;

/// <summary>An event in plain English: a short title, a one-line summary and labels to filter on.</summary>
/// <param name="Title">A few words, e.g. "Approval required for send_email".</param>
/// <param name="Summary">One line with the who, what and why, e.g. the rule and policy version behind a decision.</param>
/// <param name="Tags">Labels; every explanation carries <c>type</c> and <c>actor</c>.</param>
public sealed record EventExplanation(string Title, string Summary, IReadOnlyList<EventTag> Tags)
{
    /// <summary>The value of the first tag called <paramref name="name"/>, or null.</summary>
    public string? Tag(string name) => Tags.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))?.Value;
}
