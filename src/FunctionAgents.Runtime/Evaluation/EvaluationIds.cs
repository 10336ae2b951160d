using System.Globalization;

namespace FunctionAgents.Runtime.Evaluation;

/// <summary>Evaluation ids: <c>eval-&lt;trigger&gt;-&lt;yyyyMMdd of the window start&gt;-&lt;12 hex&gt;</c>, usable as journal and table keys.</summary>
public static class EvaluationIds
{
    /// <summary>The tenant an evaluation of every tenant is journaled under.</summary>
    public const string AllTenants = "all";

    public static string New(string trigger, DateOnly from) =>
        string.Create(CultureInfo.InvariantCulture, $"eval-{trigger}-{from:yyyyMMdd}-{Guid.NewGuid():N}")[..^20];
}
