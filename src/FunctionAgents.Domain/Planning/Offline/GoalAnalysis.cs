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
