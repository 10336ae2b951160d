using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Forensics.Invariants;

/// <summary>
/// <c>no-pii-in-response</c>: neither the drafted nor the final answer (nor a failed run's fallback message) contains an
/// email address, a phone number or a payment card number that passes the Luhn check. Addresses in
/// <c>allowedEmailDomains</c> (and their subdomains), such as the shop's own support address, are not personal data.
/// Violations name what was found in masked form, never the data itself.
/// </summary>
public sealed class NoPiiInResponseInvariant : IRunInvariant
{
    public const string InvariantName = "no-pii-in-response";

    private readonly IReadOnlyCollection<string> _allowedEmailDomains;

    public NoPiiInResponseInvariant(IEnumerable<string>? allowedEmailDomains = null) =>
        _allowedEmailDomains = allowedEmailDomains?.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToList() ?? [];

    public string Name => InvariantName;

    public string Description => "The response contains no email address, phone number or Luhn-valid card number.";

    public InvariantResult Check(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (text, which) in (ReadOnlySpan<(string?, string)>)[(state.DraftResponse, "drafted response"), (state.Response, "response")])
        {
            var found = PiiScanner.Find(text, _allowedEmailDomains);
            if (found.Count > 0)
            {
                return InvariantResult.Fail($"the {which} contains {string.Join(", ", found.Select(f => f.Masked))}");
            }
        }

        return InvariantResult.Pass;
    }
}
