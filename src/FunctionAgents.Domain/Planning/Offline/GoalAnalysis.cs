using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Planning.Offline;

/// <summary>What the offline planner reads out of a goal: the topic, an order number, addresses and the actions asked for.</summary>
internal sealed partial record GoalAnalysis(
    string Goal,
    GoalTopic? Topic,
    bool MentionsEu,
    int? OrderId,
    string? EmailAddress,
    bool WantsTicket,
    bool WantsEmail,
    string? Statistic,
    string Priority)
{
    private static readonly string[] EuCues =
    [
        " eu ", " eu-", "europe", "withdrawal", "germany", "german", "france", "french", "netherlands", "dutch",
        "austria", "italy", "spain", "belgium", "sweden", "poland", "ireland", "denmark", "finland",
    ];

    private static readonly string[] TicketCues = ["ticket", "open a case", "log a case", "escalate", "hand over", "follow up", "follow-up"];

    private static readonly string[] EmailCues =
    [
        "email", "e-mail", "mail the", "mail them", "write to", "write back", "reply to", "reply", "notify",
        "let the customer know", "let them know", "tell the customer", "inform the customer", "answer the customer",
    ];

    public static GoalAnalysis Of(string goal)
    {
        var text = " " + goal.ToLowerInvariant().ReplaceLineEndings(" ") + " ";
        var topic = GoalTopic.All.FirstOrDefault(t => t.Cues.Any(c => text.Contains(c, StringComparison.Ordinal)));
        var address = EmailAddressPattern().Match(goal);
        var wantsEmail = EmailCues.Any(c => text.Contains(c, StringComparison.Ordinal));

        return new GoalAnalysis(
            goal,
            topic,
            EuCues.Any(c => text.Contains(c, StringComparison.Ordinal)),
            OrderNumber(goal),
            address.Success ? address.Value : null,
            TicketCues.Any(c => text.Contains(c, StringComparison.Ordinal)),
            wantsEmail,
            StatisticOf(text),
            PriorityOf(text, topic));
    }

    private static int? OrderNumber(string goal)
    {
        var match = OrderPattern().Match(goal);
        return match.Success && int.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    /// <summary><c>refunds</c>, <c>orders</c> or <c>customers</c> when the goal asks for a count or total of them.</summary>
    private static string? StatisticOf(string text)
    {
        string[] asks = ["how many", "number of", " count", " total", "statistics", "per country", "by country", "by status", "breakdown"];
        if (!asks.Any(a => text.Contains(a, StringComparison.Ordinal)))
        {
            return null;
        }

        return text.Contains("refund", StringComparison.Ordinal) ? "refunds"
            : text.Contains("customer", StringComparison.Ordinal) ? "customers"
            : text.Contains("order", StringComparison.Ordinal) ? "orders"
            : null;
    }

    private static string PriorityOf(string text, GoalTopic? topic)
    {
        string[] urgent = ["urgent", "outage", "is down", "all customers", "critical", "asap"];
        if (urgent.Any(u => text.Contains(u, StringComparison.Ordinal)) || topic?.Name == "incident")
        {
            return "urgent";
        }

        string[] high = ["complain", "chargeback", "dispute", "lawyer", "angry", "third time"];
        return high.Any(h => text.Contains(h, StringComparison.Ordinal)) || topic?.Name is "privacy" or "security"
            ? "high"
            : "normal";
    }

    [GeneratedRegex(@"(?:\border\s*(?:no\.?|number|nr\.?)?\s*#?\s*|#)(?<id>\d{3,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddressPattern();
}

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
