using System.Globalization;

namespace FunctionAgents.Domain.Planning.Offline;

/// <summary>The read-only queries the offline planner writes against the sample shop schema (samples/shop/README.md).</summary>
internal static class OfflineSql
{
    /// <summary>
    /// One order with its customer (the customer id too, so the run is linked to the customer for erasure and access
    /// requests by either identifier: docs/privacy.md), days since delivery as of <paramref name="asOf"/> (a date, or null for today),
    /// its refund requests and, when asked, where it stands against the 14-day and 30-day windows of the refund policy.
    /// </summary>
    public static string Order(int orderId, DateOnly? asOf, bool withRefundWindow)
    {
        var today = asOf is { } date ? $"'{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'" : "'now'";
        var age = $"julianday(date({today})) - julianday(date(o.delivered_at))";
        var window = withRefundWindow
            ? $"""
              ,
                     CASE WHEN o.delivered_at IS NULL THEN 'not delivered yet'
                          WHEN {age} <= 14 THEN 'within the 14-day EU withdrawal period and the 30-day refund window'
                          WHEN {age} <= 30 THEN 'within the 30-day refund window'
                          ELSE 'outside the 30-day refund window' END AS refund_window
              """
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"""
            SELECT o.order_id, o.status, o.amount, o.currency, o.ordered_at, o.delivered_at,
                   c.customer_id, c.first_name, c.last_name, c.email, c.country,
                   CAST({age} AS INTEGER) AS days_since_delivery,
                   (SELECT COUNT(*) FROM refunds r WHERE r.order_id = o.order_id) AS refund_requests{window}
            FROM orders o JOIN customers c ON c.customer_id = o.customer_id
            WHERE o.order_id = {orderId}
            """);
    }

    /// <summary>A customer found by email address, with their latest orders.</summary>
    public static string Customer(string email) => $"""
        SELECT c.customer_id, c.first_name, c.last_name, c.email, c.country,
               o.order_id, o.status, o.amount, o.currency, o.ordered_at, o.delivered_at
        FROM customers c LEFT JOIN orders o ON o.customer_id = c.customer_id
        WHERE c.email = '{email.Replace("'", "''", StringComparison.Ordinal)}'
        ORDER BY o.ordered_at DESC
        LIMIT 20
        """;

    /// <summary>Counts of <paramref name="table"/> (refunds, orders or customers) per status or per country.</summary>
    public static string Count(string table, bool byCountry) => (table, byCountry) switch
    {
        ("refunds", true) => """
            SELECT c.country, COUNT(*) AS refunds, ROUND(SUM(r.amount), 2) AS amount_eur
            FROM refunds r JOIN orders o ON o.order_id = r.order_id JOIN customers c ON c.customer_id = o.customer_id
            GROUP BY c.country ORDER BY refunds DESC, c.country
            """,
        ("refunds", false) => """
            SELECT r.status, COUNT(*) AS refunds, ROUND(SUM(r.amount), 2) AS amount_eur
            FROM refunds r GROUP BY r.status ORDER BY refunds DESC, r.status
            """,
        ("orders", true) => """
            SELECT c.country, COUNT(*) AS orders, ROUND(SUM(o.amount), 2) AS amount_eur
            FROM orders o JOIN customers c ON c.customer_id = o.customer_id
            GROUP BY c.country ORDER BY orders DESC, c.country
            """,
        ("orders", false) => """
            SELECT o.status, COUNT(*) AS orders, ROUND(SUM(o.amount), 2) AS amount_eur
            FROM orders o GROUP BY o.status ORDER BY orders DESC, o.status
            """,
        _ => """
            SELECT c.country, COUNT(*) AS customers
            FROM customers c GROUP BY c.country ORDER BY customers DESC, c.country
            """,
    };
}
