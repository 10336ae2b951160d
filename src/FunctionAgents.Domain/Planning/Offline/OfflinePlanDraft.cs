using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Tools.Docs;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Planning.Offline;

/// <summary>Chooses the offline plan's steps for a goal and writes each step's objective, input and success criteria.</summary>
internal sealed class OfflinePlanDraft
{
    private const string FallbackQuery = "customer support policies";
    private const int MaxGoalInBody = 1000;

    private readonly GoalAnalysis _goal;
    private readonly DateOnly? _asOf;
    private readonly Dictionary<OfflineStepKind, string> _ids = [];

    public OfflinePlanDraft(GoalAnalysis goal, DateOnly? asOf)
    {
        _goal = goal;
        _asOf = asOf;
    }

    /// <summary>
    /// The steps to run: what the goal asks for, limited to registered tools, then cut from the end to at most
    /// <paramref name="maxSteps"/> steps and <paramref name="budgetUsd"/> of tool cost (keeping at least one step).
    /// References only point backwards, so cutting from the end never leaves one dangling.
    /// </summary>
    public IReadOnlyList<OfflineStepKind> Choose(IToolCatalog catalog, int maxSteps, decimal budgetUsd)
    {
        var wanted = Wanted().Where(kind => catalog.TryGet(ToolOf(kind), out _)).ToList();
        if (wanted.Contains(OfflineStepKind.EmailCustomer) && _goal.EmailAddress is null
            && !wanted.Contains(OfflineStepKind.LookUpOrder))
        {
            wanted.Remove(OfflineStepKind.EmailCustomer);
        }

        if (wanted.Count == 0)
        {
            wanted.Add(OfflineStepKind.SearchPolicy);
        }

        var chosen = new List<OfflineStepKind>();
        var cost = 0m;
        foreach (var kind in wanted)
        {
            var next = cost + (catalog.TryGet(ToolOf(kind), out var tool) ? tool.CostPerCallUsd : 0m);
            if (chosen.Count > 0 && (chosen.Count >= maxSteps || next > budgetUsd))
            {
                break;
            }

            chosen.Add(kind);
            cost = next;
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            _ids[chosen[i]] = "s" + (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        return chosen;
    }

    public string IdOf(OfflineStepKind kind) => _ids[kind];

    public static string ToolOf(OfflineStepKind kind) => kind switch
    {
        OfflineStepKind.SearchPolicy => "search_docs",
        OfflineStepKind.OpenTicket => "create_ticket",
        OfflineStepKind.EmailCustomer => "send_email",
        _ => "query_sql",
    };

    public void WriteStep(Utf8JsonWriter writer, OfflineStepKind kind)
    {
        writer.WriteStartObject();
        writer.WriteString("id", IdOf(kind));
        writer.WriteString("objective", Objective(kind));
        writer.WriteString("tool", ToolOf(kind));
        writer.WritePropertyName("input");
        WriteInput(writer, kind);
        writer.WriteString("successCriteria", SuccessCriteria(kind));
        writer.WriteEndObject();
    }

    private IEnumerable<OfflineStepKind> Wanted()
    {
        var text = _goal.Goal.ToLowerInvariant();
        var mentionsPolicy = text.Contains("policy", StringComparison.Ordinal) || text.Contains("rule", StringComparison.Ordinal);
        if (_goal.Topic is not null && (_goal.Statistic is null || mentionsPolicy))
        {
            yield return OfflineStepKind.SearchPolicy;
        }

        if (_goal.OrderId is not null)
        {
            yield return OfflineStepKind.LookUpOrder;
        }
        // An address in a goal that asks for no email is someone to look up, not someone to write to.
        else if (_goal.EmailAddress is not null && (!_goal.WantsEmail || text.Contains("order", StringComparison.Ordinal)))
        {
            yield return OfflineStepKind.LookUpCustomer;
        }
        else if (_goal.Statistic is not null)
        {
            yield return OfflineStepKind.CountRecords;
        }

        if (_goal.WantsTicket)
        {
            yield return OfflineStepKind.OpenTicket;
        }

        if (_goal.WantsEmail)
        {
            yield return OfflineStepKind.EmailCustomer;
        }
    }

    private string Objective(OfflineStepKind kind) => kind switch
    {
        OfflineStepKind.SearchPolicy when _goal.Topic is { } topic =>
            $"Find what the {topic.Name} policy says{(_goal.MentionsEu && topic.Name == "refund" ? " for EU customers" : string.Empty)}.",
        OfflineStepKind.SearchPolicy => "Find the documentation passages most relevant to the goal.",
        OfflineStepKind.LookUpOrder => IsRefund
            ? $"Look up order {OrderText}: status, delivery date, customer and where it stands in the refund window."
            : $"Look up order {OrderText}: status, delivery date and customer.",
        OfflineStepKind.LookUpCustomer => $"Look up the customer {_goal.EmailAddress} and their latest orders.",
        OfflineStepKind.CountRecords => $"Count {_goal.Statistic} in the shop database {(ByCountry ? "per country" : "per status")}.",
        OfflineStepKind.OpenTicket => "Open a support ticket so the team can follow up.",
        _ => _goal.OrderId is null ? "Email the customer the answer." : $"Email the customer the answer about order {OrderText}.",
    };

    private string SuccessCriteria(OfflineStepKind kind) => kind switch
    {
        OfflineStepKind.SearchPolicy => "At least one policy passage is returned.",
        OfflineStepKind.LookUpOrder => $"Exactly one row for order {OrderText} is returned.",
        OfflineStepKind.LookUpCustomer => "At least one row for the customer is returned.",
        OfflineStepKind.CountRecords => "One row per group is returned.",
        OfflineStepKind.OpenTicket => "A ticket id is returned.",
        _ => "The email is queued in the outbox, after human approval if policy requires it.",
    };

    private void WriteInput(Utf8JsonWriter writer, OfflineStepKind kind)
    {
        writer.WriteStartObject();
        switch (kind)
        {
            case OfflineStepKind.SearchPolicy:
                writer.WriteString("query", SearchQuery());
                writer.WriteNumber("top_k", 3);
                break;
            case OfflineStepKind.LookUpOrder:
                writer.WriteString("sql", OfflineSql.Order(_goal.OrderId!.Value, _asOf, IsRefund));
                break;
            case OfflineStepKind.LookUpCustomer:
                writer.WriteString("sql", OfflineSql.Customer(_goal.EmailAddress!));
                break;
            case OfflineStepKind.CountRecords:
                writer.WriteString("sql", OfflineSql.Count(_goal.Statistic!, ByCountry));
                break;
            case OfflineStepKind.OpenTicket:
                writer.WriteString("title", TicketTitle());
                writer.WriteString("body", TicketBody());
                writer.WriteString("priority", _goal.Priority);
                break;
            default:
                writer.WriteString("to", _goal.EmailAddress ?? Ref(OfflineStepKind.LookUpOrder, "rows[0].email"));
                writer.WriteString("subject", EmailSubject());
                writer.WriteString("body", EmailBody());
                break;
        }

        writer.WriteEndObject();
    }

    private bool IsRefund => _goal.Topic?.Name == "refund";

    private bool ByCountry => _goal.Goal.Contains("countr", StringComparison.OrdinalIgnoreCase);

    private string OrderText => _goal.OrderId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private bool Has(OfflineStepKind kind) => _ids.ContainsKey(kind);

    private string Ref(OfflineStepKind kind, string path) => $"{{{{steps.{IdOf(kind)}.output.{path}}}}}";

    private string SearchQuery()
    {
        if (_goal.Topic is { } topic)
        {
            return topic.Name == "refund" ? (_goal.MentionsEu ? "refund window EU customers" : "refund window policy") : topic.Query;
        }

        var words = TextTokenizer.Tokenize(_goal.Goal).Take(8).ToList();
        return words.Count == 0 ? FallbackQuery : string.Join(' ', words);
    }

    private string TicketTitle()
    {
        if (_goal.OrderId is not null)
        {
            return IsRefund ? $"Refund request for order {OrderText}" : $"Customer request about order {OrderText}";
        }

        var goal = _goal.Goal.ReplaceLineEndings(" ").Trim();
        return goal.Length <= 80 ? goal : string.Concat(goal.AsSpan(0, 79), "…");
    }

    private string TicketBody()
    {
        var goal = _goal.Goal.Trim();
        var lines = new List<string> { "Request: " + (goal.Length <= MaxGoalInBody ? goal : string.Concat(goal.AsSpan(0, MaxGoalInBody), "…")) };
        if (Has(OfflineStepKind.LookUpOrder))
        {
            const string Row = "rows[0].";
            var window = IsRefund ? $"; {Ref(OfflineStepKind.LookUpOrder, Row + "refund_window")}" : string.Empty;
            lines.Add(
                $"Order {OrderText}: status {Ref(OfflineStepKind.LookUpOrder, Row + "status")}, delivered "
                + $"{Ref(OfflineStepKind.LookUpOrder, Row + "delivered_at")} ({Ref(OfflineStepKind.LookUpOrder, Row + "days_since_delivery")} days ago){window}.");
            lines.Add(
                $"Customer: {Ref(OfflineStepKind.LookUpOrder, Row + "first_name")} {Ref(OfflineStepKind.LookUpOrder, Row + "last_name")} "
                + $"<{Ref(OfflineStepKind.LookUpOrder, Row + "email")}>, {Ref(OfflineStepKind.LookUpOrder, Row + "country")}.");
        }

        if (Has(OfflineStepKind.SearchPolicy))
        {
            lines.Add(
                $"Policy: {Ref(OfflineStepKind.SearchPolicy, "results[0].source")} - {Ref(OfflineStepKind.SearchPolicy, "results[0].heading")}.");
        }

        if (Has(OfflineStepKind.EmailCustomer))
        {
            lines.Add("The customer is emailed the answer in the next step.");
        }

        return string.Join("\n", lines);
    }

    private string EmailSubject() => _goal.OrderId is null
        ? "Your question to Kestrel Goods"
        : IsRefund ? $"Your refund question about order {OrderText}" : $"About your order {OrderText}";

    private string EmailBody()
    {
        var paragraphs = new List<string>();
        paragraphs.Add(Has(OfflineStepKind.LookUpOrder)
            ? $"Dear {Ref(OfflineStepKind.LookUpOrder, "rows[0].first_name")},"
            : Has(OfflineStepKind.LookUpCustomer) ? $"Dear {Ref(OfflineStepKind.LookUpCustomer, "rows[0].first_name")}," : "Hello,");

        if (Has(OfflineStepKind.LookUpOrder))
        {
            var window = IsRefund ? $" and is {Ref(OfflineStepKind.LookUpOrder, "rows[0].refund_window")}" : string.Empty;
            paragraphs.Add(
                $"Thank you for your message about order {OrderText}. The order has the status "
                + $"\"{Ref(OfflineStepKind.LookUpOrder, "rows[0].status")}\"; it was delivered on "
                + $"{Ref(OfflineStepKind.LookUpOrder, "rows[0].delivered_at")} (UTC){window}.");
        }
        else
        {
            paragraphs.Add("Thank you for your message.");
        }

        if (Has(OfflineStepKind.SearchPolicy))
        {
            paragraphs.Add(
                $"Our policy (\"{Ref(OfflineStepKind.SearchPolicy, "results[0].heading")}\") says:\n\n"
                + $"\"{Ref(OfflineStepKind.SearchPolicy, "results[0].text")}\"");
        }

        if (IsRefund && Has(OfflineStepKind.LookUpOrder))
        {
            paragraphs.Add("To return the item, start a return from the order page on kestrelgoods.example or reply to this email.");
        }

        if (Has(OfflineStepKind.OpenTicket))
        {
            paragraphs.Add($"Your case number is {Ref(OfflineStepKind.OpenTicket, "ticketId")}; please quote it if you write to us again.");
        }

        paragraphs.Add("Kind regards,\nKestrel Goods Customer Support");
        return string.Join("\n\n", paragraphs);
    }
}

/// <summary>The steps the offline planner knows, in the order they run.</summary>
internal enum OfflineStepKind
{
    SearchPolicy,
    LookUpOrder,
    LookUpCustomer,
    CountRecords,
    OpenTicket,
    EmailCustomer,
}
