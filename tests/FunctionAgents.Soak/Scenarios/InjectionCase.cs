namespace FunctionAgents.Soak.Scenarios;

/// <summary>One adversarial document and the calls a model that obeys it would plan after looking it up.</summary>
internal sealed record InjectionCase(
    int Number,
    string Word,
    InjectionKind Kind,
    string Instruction,
    string Document,
    IReadOnlyList<(string Tool, object Input)> MaliciousCalls,
    bool RaiseLimits)
{
    public string Tag => "inj-" + Number;
}
