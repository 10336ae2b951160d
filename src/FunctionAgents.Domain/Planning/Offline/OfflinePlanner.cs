using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Planning.Offline;

/// <summary>
/// A deterministic, rule-based planner for the Kestrel Goods sample shop; it needs no model and no network.
/// It recognizes policy questions, order and customer look-ups, counts, tickets and customer emails in a goal and
/// plans them over search_docs, query_sql, create_ticket and send_email, wiring later inputs to earlier outputs with
/// <c>{{steps.&lt;id&gt;.output.&lt;path&gt;}}</c> references. A goal it cannot map becomes a one-step search_docs plan.
/// </summary>
/// <remarks>
/// The plan never has more steps than the request's <c>MaxSteps</c>, nor (beyond its first step) more tool cost than
/// its <c>BudgetUsd</c>, using the costs the catalog declares. Steps whose tool is not registered are left out.
/// Request metadata <c>asOf</c> (<c>yyyy-MM-dd</c>) fixes the date order ages are computed against; without it the
/// query uses SQLite's current date. The same request always yields the same plan text.
/// </remarks>
public sealed class OfflinePlanner : IPlanner
{
    /// <summary>The metadata key that fixes the date order look-ups measure delivery age against.</summary>
    public const string AsOfMetadataKey = "asOf";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IToolCatalog _catalog;

    /// <param name="catalog">The tools plans may use; their declared costs bound the plan by the request's budget.</param>
    public OfflinePlanner(IToolCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    public string Name => "offline";

    /// <summary>Returns the plan JSON (camelCase, the plan contract) with no model calls and no prompt version.</summary>
    public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var maxSteps = Math.Clamp(request.MaxSteps, PlanContract.MinMaxSteps, PlanContract.MaxMaxSteps);
        var budget = Math.Clamp(request.BudgetUsd, PlanContract.MinBudgetUsd, PlanContract.MaxBudgetUsd);
        var draft = new OfflinePlanDraft(GoalAnalysis.Of(request.Goal ?? string.Empty), AsOf(request.Metadata));
        var steps = draft.Choose(_catalog, maxSteps, budget);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("runId", request.RunId);
            writer.WriteString("goal", request.Goal);
            writer.WriteNumber("maxSteps", maxSteps);
            writer.WriteNumber("budgetUsd", budget);
            writer.WriteStartArray("steps");
            foreach (var step in steps)
            {
                draft.WriteStep(writer, step);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("stopConditions");
            writer.WriteStringValue("Offline planner (rule-based, no model): run the steps in order and stop after the last one.");
            writer.WriteStringValue("Stop if a step fails, is rejected, or refers to an output that cannot be resolved.");
            writer.WriteStringValue(string.Create(
                CultureInfo.InvariantCulture,
                $"Stop when {maxSteps} steps have run or {budget} USD is spent."));
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var raw = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return Task.FromResult(new PlannerResult(Name, null, raw, []));
    }

    private static DateOnly? AsOf(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is not null
        && metadata.TryGetValue(AsOfMetadataKey, out var text)
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
