using System.Globalization;
using System.Text;

namespace FunctionAgents.Runtime.Tests.Tools.Sql;

/// <summary>
/// Writes samples/shop/shop.sql: the Kestrel Goods sample data, deterministic (fixed seed, no clock).
/// Reference date 2026-11-20; order 1042 belongs to Anna Schmidt (Germany) and was delivered on 2026-11-10.
/// Regenerate with FA_REGENERATE_SAMPLES=1 dotnet test tests/FunctionAgents.Runtime.Tests --filter ShopSqlGenerator.
/// </summary>
internal static class ShopSqlGenerator
{
    public const ulong Seed = 20261120;
    public static readonly DateTime ReferenceDate = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    private const int CustomerCount = 150;
    private const int FirstOrderId = 1001;
    private const int OrderCount = 450;
    private static readonly DateTime FirstOrderDate = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private sealed record Country(string Code, string Name, string Tld, int Weight, string[] FirstNames, string[] LastNames, string[] Cities);

    private sealed record Product(string Sku, string Name, string Category, decimal Price);

    private sealed record Customer(int Id, string FirstName, string LastName, string Email, Country Country, string City, DateTime CreatedAt);

    private static readonly Country[] Countries =
    [
        new("DE", "Germany", "de", 30, ["Hannah", "Lukas", "Marie", "Jonas", "Lena", "Felix", "Sophie", "Paul", "Laura", "Maximilian", "Julia", "Tobias"], ["Schmidt", "Müller", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Klein", "Wolf"], ["Berlin", "Hamburg", "Munich", "Cologne", "Leipzig", "Dresden", "Frankfurt", "Stuttgart"]),
        new("FR", "France", "fr", 12, ["Camille", "Louis", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Jules"], ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux"], ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux"]),
        new("NL", "Netherlands", "nl", 10, ["Daan", "Emma", "Sem", "Julia", "Lieke", "Bram"], ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "van Dijk"], ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"]),
        new("AT", "Austria", "at", 8, ["Florian", "Katharina", "Stefan", "Theresa", "Lukas"], ["Gruber", "Huber", "Bauer", "Wagner", "Pichler"], ["Vienna", "Graz", "Innsbruck", "Salzburg"]),
        new("IT", "Italy", "it", 8, ["Giulia", "Marco", "Francesca", "Luca", "Chiara"], ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi"], ["Milan", "Turin", "Bologna", "Trento"]),
        new("ES", "Spain", "es", 7, ["Lucía", "Pablo", "Carmen", "Javier", "Marta"], ["García", "Martínez", "López", "Sánchez", "Fernández"], ["Madrid", "Barcelona", "Valencia", "Bilbao"]),
        new("BE", "Belgium", "be", 5, ["Louise", "Arthur", "Noor", "Thomas"], ["Peeters", "Janssens", "Maes", "Dubois"], ["Brussels", "Antwerp", "Ghent", "Liège"]),
        new("SE", "Sweden", "se", 5, ["Erik", "Astrid", "Oskar", "Elsa"], ["Andersson", "Johansson", "Karlsson", "Nilsson"], ["Stockholm", "Gothenburg", "Malmö", "Uppsala"]),
        new("PL", "Poland", "pl", 5, ["Zofia", "Jakub", "Piotr", "Maja"], ["Nowak", "Kaczmarek", "Mazur", "Krawczyk"], ["Warsaw", "Kraków", "Gdańsk", "Wrocław"]),
        new("IE", "Ireland", "ie", 4, ["Aoife", "Seán", "Niamh", "Conor"], ["Murphy", "Kelly", "O'Brien", "Walsh"], ["Dublin", "Cork", "Galway", "Limerick"]),
        new("DK", "Denmark", "dk", 3, ["Freja", "Mads", "Ida", "Magnus"], ["Jensen", "Nielsen", "Hansen", "Pedersen"], ["Copenhagen", "Aarhus", "Odense"]),
        new("FI", "Finland", "fi", 3, ["Aino", "Eero", "Helmi", "Onni"], ["Korhonen", "Virtanen", "Mäkinen", "Nieminen"], ["Helsinki", "Tampere", "Turku"]),
    ];

    private static readonly Product[] Products =
    [
        new("TEN-RIDGE2", "Kestrel Ridge 2 tent", "tents", 289.00m),
        new("TEN-SUMMIT3", "Summit 3 four-season tent", "tents", 549.00m),
        new("TEN-BIVVY", "Alpine bivvy bag", "tents", 129.00m),
        new("PCK-TRAIL28", "Trail 28 daypack", "backpacks", 79.90m),
        new("PCK-EXP65", "Expedition 65 backpack", "backpacks", 219.00m),
        new("PCK-HIP5", "Hip pack 5 L", "backpacks", 34.90m),
        new("SLP-DOWN-5", "Down sleeping bag -5 °C", "sleeping", 259.00m),
        new("SLP-SYN10", "Synthetic sleeping bag 10 °C", "sleeping", 99.00m),
        new("SLP-MAT", "Insulated sleeping mat", "sleeping", 89.90m),
        new("SLP-LINER", "Silk sleeping bag liner", "sleeping", 39.90m),
        new("JKT-RAIN", "Stormline rain jacket", "clothing", 169.00m),
        new("JKT-DOWN", "Light down jacket", "clothing", 189.00m),
        new("JKT-FLEECE", "Grid fleece", "clothing", 69.90m),
        new("PNT-HIKE", "Convertible hiking trousers", "clothing", 74.90m),
        new("BOT-MID", "Mid hiking boots", "footwear", 159.00m),
        new("BOT-TRAIL", "Trail running shoes", "footwear", 129.00m),
        new("CLB-SHOE", "Climbing shoes", "climbing", 109.00m),
        new("CLB-ROPE60", "Dynamic rope 9.8 mm, 60 m", "climbing", 179.00m),
        new("CLB-HARN", "Climbing harness", "climbing", 64.90m),
        new("CLB-HELM", "Climbing helmet", "climbing", 59.90m),
        new("CMP-STOVE", "Gas canister stove", "camping", 49.90m),
        new("CMP-POT", "Titanium cook pot", "camping", 44.90m),
        new("CMP-FILTER", "Water filter", "camping", 39.90m),
        new("CMP-BLADDER", "Water bladder 2 L", "camping", 29.90m),
        new("LGT-HEAD400", "Headlamp 400 lm", "lighting", 44.90m),
        new("LGT-LANTERN", "Camp lantern", "lighting", 29.90m),
        new("ACC-POLES", "Trekking poles (pair)", "accessories", 89.00m),
        new("ACC-KNIFE", "Folding knife", "accessories", 34.90m),
        new("ACC-SOCKS", "Merino hiking socks", "accessories", 19.90m),
        new("ACC-GUIDE-ALPS", "Digital route guide: Alps", "digital", 12.00m),
    ];

    private static readonly string[] ReturnReasons =
        ["changed mind", "wrong size", "faulty on arrival", "damaged in transit", "not as described", "arrived late"];

    public static string Generate()
    {
        var random = new XorShift(Seed);
        var sql = new StringBuilder();
        sql.Append("-- Kestrel Goods sample shop data (fictional). Generated deterministically by\n");
        sql.Append("-- tests/FunctionAgents.Runtime.Tests/Tools/Sql/ShopSqlGenerator.cs (seed 20261120, reference date 2026-11-20).\n");
        sql.Append("-- Do not edit by hand: change the generator and regenerate. Timestamps are UTC, 'YYYY-MM-DD HH:MM:SS'.\n\n");
        AppendSchema(sql);

        var customers = GenerateCustomers(random);
        sql.Append('\n');
        foreach (var c in customers)
        {
            sql.Append(CultureInfo.InvariantCulture,
                $"INSERT INTO customers VALUES ({c.Id}, {Text(c.FirstName)}, {Text(c.LastName)}, {Text(c.Email)}, {Text(c.Country.Name)}, {Text(c.Country.Code)}, {Text(c.City)}, {Text(Stamp(c.CreatedAt))});\n");
        }

        var orders = new StringBuilder();
        var items = new StringBuilder();
        var refunds = new StringBuilder();
        var itemId = 1;
        var refundId = 1;
        for (var orderId = FirstOrderId; orderId < FirstOrderId + OrderCount; orderId++)
        {
            var demo = orderId == 1042;
            var customer = demo ? customers[0] : customers[random.Next(customers.Count)];
            var lines = demo ? [(Products[0], 1)] : PickLines(random);
            var subtotal = lines.Sum(l => l.Product.Price * l.Quantity);
            var shipping = subtotal >= 75m ? 0m : customer.Country.Code == "DE" ? 4.95m : 7.95m;
            var amount = subtotal + shipping;

            var orderedAt = demo ? new DateTime(2026, 11, 6, 10, 24, 0, DateTimeKind.Utc) : OrderedAt(random);
            var (status, shippedAt, deliveredAt) = demo
                ? ("delivered", new DateTime(2026, 11, 7, 15, 40, 0, DateTimeKind.Utc), new DateTime(2026, 11, 10, 11, 32, 0, DateTimeKind.Utc))
                : Fulfil(random, customer.Country, orderedAt);

            if (!demo && status == "delivered")
            {
                var roll = random.Next(100);
                if (roll < 8 && TryReturn(random, deliveredAt!.Value, out var requestedAt, out var processedAt, out var refundStatus))
                {
                    status = "returned";
                    var late = requestedAt > deliveredAt.Value.AddDays(14);
                    var refunded = late ? subtotal : amount;
                    refunds.Append(RefundRow(refundId++, orderId, refunded, ReturnReasons[random.Next(ReturnReasons.Length)], refundStatus, requestedAt, processedAt));
                }
                else if (roll < 12 && TryReturn(random, deliveredAt!.Value, out requestedAt, out processedAt, out refundStatus))
                {
                    // One item of the order comes back; digital goods are never shipped, so never returned.
                    var product = lines[random.Next(lines.Length)].Product;
                    if (product.Category != "digital")
                    {
                        var reason = product.Category is "clothing" or "footwear" ? "wrong size" : "damaged in transit";
                        refunds.Append(RefundRow(refundId++, orderId, product.Price, reason, refundStatus, requestedAt, processedAt));
                    }
                }
                else if (roll < 14 && TryReturn(random, deliveredAt!.Value, out requestedAt, out processedAt, out _))
                {
                    var product = lines[random.Next(lines.Length)].Product;
                    if (product.Category != "digital")
                    {
                        var reason = product.Category == "sleeping" ? "hygiene seal broken" : "item used outdoors";
                        refunds.Append(RefundRow(refundId++, orderId, product.Price, reason, "rejected", requestedAt, processedAt ?? requestedAt.AddDays(2)));
                    }
                }
            }

            orders.Append(CultureInfo.InvariantCulture,
                $"INSERT INTO orders VALUES ({orderId}, {customer.Id}, {Text(status)}, {Money(amount)}, 'EUR', {Text(Stamp(orderedAt))}, {Nullable(shippedAt)}, {Nullable(deliveredAt)});\n");
            foreach (var (product, quantity) in lines)
            {
                items.Append(CultureInfo.InvariantCulture,
                    $"INSERT INTO order_items VALUES ({itemId++}, {orderId}, {Text(product.Sku)}, {Text(product.Name)}, {Text(product.Category)}, {quantity}, {Money(product.Price)});\n");
            }
        }

        sql.Append('\n').Append(orders).Append('\n').Append(items).Append('\n').Append(refunds);
        return sql.ToString();
    }

    private static void AppendSchema(StringBuilder sql) => sql.Append("""
        CREATE TABLE customers (
          customer_id  INTEGER PRIMARY KEY,
          first_name   TEXT NOT NULL,
          last_name    TEXT NOT NULL,
          email        TEXT NOT NULL UNIQUE,
          country      TEXT NOT NULL,
          country_code TEXT NOT NULL,
          city         TEXT NOT NULL,
          created_at   TEXT NOT NULL
        );

        CREATE TABLE orders (
          order_id     INTEGER PRIMARY KEY,
          customer_id  INTEGER NOT NULL REFERENCES customers (customer_id),
          status       TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned')),
          amount       REAL NOT NULL,
          currency     TEXT NOT NULL,
          ordered_at   TEXT NOT NULL,
          shipped_at   TEXT,
          delivered_at TEXT
        );

        CREATE TABLE order_items (
          order_item_id INTEGER PRIMARY KEY,
          order_id      INTEGER NOT NULL REFERENCES orders (order_id),
          sku           TEXT NOT NULL,
          product_name  TEXT NOT NULL,
          category      TEXT NOT NULL,
          quantity      INTEGER NOT NULL,
          unit_price    REAL NOT NULL
        );

        CREATE TABLE refunds (
          refund_id    INTEGER PRIMARY KEY,
          order_id     INTEGER NOT NULL REFERENCES orders (order_id),
          amount       REAL NOT NULL,
          currency     TEXT NOT NULL,
          reason       TEXT NOT NULL,
          status       TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'issued', 'rejected')),
          requested_at TEXT NOT NULL,
          processed_at TEXT
        );

        CREATE INDEX ix_orders_customer ON orders (customer_id);
        CREATE INDEX ix_order_items_order ON order_items (order_id);
        CREATE INDEX ix_refunds_order ON refunds (order_id);

        """.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static List<Customer> GenerateCustomers(XorShift random)
    {
        var germany = Countries[0];
        var customers = new List<Customer>
        {
            new(1, "Anna", "Schmidt", "anna.schmidt@example.de", germany, "Leipzig", new DateTime(2024, 3, 14, 9, 12, 0, DateTimeKind.Utc)),
        };
        var emails = new HashSet<string>(StringComparer.Ordinal) { customers[0].Email };
        var totalWeight = Countries.Sum(c => c.Weight);
        for (var id = 2; id <= CustomerCount; id++)
        {
            var pick = random.Next(totalWeight);
            var country = Countries.First(c => (pick -= c.Weight) < 0);
            var first = country.FirstNames[random.Next(country.FirstNames.Length)];
            var last = country.LastNames[random.Next(country.LastNames.Length)];
            var local = $"{Ascii(first)}.{Ascii(last)}";
            var email = $"{local}@example.{country.Tld}";
            for (var n = 2; !emails.Add(email); n++)
            {
                email = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@example.{country.Tld}");
            }

            var created = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(60 * 24 * 1000));
            customers.Add(new Customer(id, first, last, email, country, country.Cities[random.Next(country.Cities.Length)], created));
        }

        return customers;
    }

    /// <summary>Spread over the year, with one order in twenty placed in the last eight days so some are still in flight.</summary>
    private static DateTime OrderedAt(XorShift random)
    {
        var recent = random.Next(20) == 0;
        var from = recent ? ReferenceDate.AddDays(-8) : FirstOrderDate;
        var span = (int)(ReferenceDate.AddHours(-4) - from).TotalMinutes;
        return from.AddMinutes(random.Next(span));
    }

    private static (Product Product, int Quantity)[] PickLines(XorShift random)
    {
        var count = 1 + random.Next(3);
        var lines = new List<(Product, int)>();
        var used = new HashSet<int>();
        while (lines.Count < count)
        {
            var index = random.Next(Products.Length);
            if (used.Add(index))
            {
                var quantity = Products[index].Price < 50m ? 1 + random.Next(3) : 1 + (random.Next(10) == 0 ? 1 : 0);
                lines.Add((Products[index], quantity));
            }
        }

        return [.. lines];
    }

    private static (string Status, DateTime? ShippedAt, DateTime? DeliveredAt) Fulfil(XorShift random, Country country, DateTime orderedAt)
    {
        if (random.Next(100) < 4)
        {
            return ("cancelled", null, null);
        }

        var shippedAt = orderedAt.AddMinutes(120 + random.Next(60 * 30));
        if (shippedAt >= ReferenceDate)
        {
            return (random.Next(2) == 0 ? "pending" : "paid", null, null);
        }

        var transitDays = country.Code switch
        {
            "DE" => 1 + random.Next(2),
            "AT" or "NL" or "BE" or "DK" or "FR" => 2 + random.Next(3),
            _ => 3 + random.Next(4),
        };
        var deliveredAt = shippedAt.Date.AddDays(transitDays).AddMinutes((8 * 60) + random.Next(10 * 60));
        return deliveredAt >= ReferenceDate ? ("shipped", shippedAt, null) : ("delivered", shippedAt, deliveredAt);
    }

    private static bool TryReturn(XorShift random, DateTime deliveredAt, out DateTime requestedAt, out DateTime? processedAt, out string status)
    {
        requestedAt = deliveredAt.AddMinutes(60 * 24 * (1 + random.Next(27)) + random.Next(600));
        processedAt = null;
        status = "requested";
        if (requestedAt >= ReferenceDate)
        {
            return false;
        }

        var processed = requestedAt.AddDays(4 + random.Next(10));
        if (processed < ReferenceDate)
        {
            processedAt = processed;
            status = "issued";
        }
        else if (requestedAt.AddDays(2) < ReferenceDate)
        {
            status = "approved";
        }

        return true;
    }

    private static string RefundRow(int id, int orderId, decimal amount, string reason, string status, DateTime requestedAt, DateTime? processedAt) =>
        string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO refunds VALUES ({id}, {orderId}, {Money(amount)}, 'EUR', {Text(reason)}, {Text(status)}, {Text(Stamp(requestedAt))}, {Nullable(processedAt)});\n");

    private static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Nullable(DateTime? value) => value is null ? "NULL" : Text(Stamp(value.Value));

    private static string Ascii(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                'é' or 'è' or 'ê' => "e",
                'á' or 'å' => "a",
                'í' => "i",
                'ó' => "o",
                'ñ' => "n",
                'ś' => "s",
                'ń' => "n",
                'ł' => "l",
                ' ' or '\'' => string.Empty,
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>xorshift64*: a fixed, documented generator, so the data never depends on a runtime's Random.</summary>
    private sealed class XorShift(ulong seed)
    {
        private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

        public int Next(int maxExclusive)
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            var value = _state * 0x2545F4914F6CDD1DUL;
            return (int)((value >> 33) % (ulong)maxExclusive);
        }
    }
}
