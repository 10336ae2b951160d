using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Runtime.Tests.Tools.Sql;
using FunctionAgents.Runtime.Tests.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Planning.Offline;

/// <summary>The four built-in tools over the committed samples, with in-memory ticket and email stores.</summary>
internal sealed class SampleShop
{
    public const string DemoGoal =
        "A customer in Germany asks whether order 1042 can still be refunded: check our refund policy and the order, "
        + "open a ticket, and email the customer the answer";

    public static readonly IReadOnlyDictionary<string, string> AsOfReferenceDate =
        new Dictionary<string, string> { ["asOf"] = "2026-11-20" };

    public SampleShop(BuiltInToolOptions? options = null)
    {
        Registry = BuiltInTools.CreateRegistry(
            options ?? new BuiltInToolOptions(SamplePaths.DocsFolder, ShopDatabase.FilePath),
            Tickets,
            Outbox,
            new FixedTimeProvider(FixedTimeProvider.Reference));
    }

    public InMemoryTicketStore Tickets { get; } = new();

    public InMemoryEmailOutbox Outbox { get; } = new();

    public ToolRegistry Registry { get; }
}
