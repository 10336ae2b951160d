namespace FunctionAgents.Domain.Planning.Offline;

/// <summary>A policy area of the sample shop and the search it maps to.</summary>
/// <param name="Name">Short name used in objectives, e.g. <c>refund</c>.</param>
/// <param name="Cues">Lower-case fragments of a goal that point to this topic.</param>
/// <param name="Query">The search_docs query for it.</param>
internal sealed record GoalTopic(string Name, string[] Cues, string Query)
{
    /// <summary>In priority order: the first topic a goal mentions decides the search.</summary>
    public static IReadOnlyList<GoalTopic> All { get; } =
    [
        new("refund", ["refund", "money back", "reimburs", "withdraw"], "refund window"),
        new("returns", ["return label", "returns", "send back", "send it back", "exchange"], "return label process"),
        new("warranty", ["warranty", "guarantee", "faulty", "broken", "defect", "repair"], "warranty claim faulty item"),
        new("privacy", ["privacy", "gdpr", "personal data", "data subject", "erase my", "delete my data", "my data"], "personal data GDPR rights request"),
        new("security", ["security", "phishing", "breach", "password", "hacked", "leak"], "security incident reporting"),
        new("incident", ["outage", " down", "incident", "on-call", "on call", "paged", "checkout fail", "not working"], "on-call incident checkout failing"),
        new("payment", ["payment", "chargeback", "invoice", " card", "paypal", " charged"], "payment methods failed disputed"),
        new("shipping", ["shipping", " ship ", "delivery", " deliver", "parcel", "tracking", " late", " lost "], "shipping delivery times late parcels"),
        new("escalation", ["escalat", "complain", "lawyer", "goodwill", "voucher"], "escalation team lead goodwill"),
        new("hours", ["opening hours", "support hours", " phone", "live chat", "reach support"], "support hours channels"),
    ];
}
