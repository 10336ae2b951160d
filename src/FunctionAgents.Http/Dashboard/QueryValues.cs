using FunctionAgents.Domain.Runs;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Dashboard;

/// <summary>Query string reading shared by the dashboard's read endpoints: a parameter is given at most once.</summary>
internal static class QueryValues
{
    /// <summary>The parameter's value, null when absent or empty; a repeated parameter adds an error naming it.</summary>
    public static string? Single(IQueryCollection query, string name, List<FieldError> errors)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            errors.Add(new FieldError(name, "must be given once"));
            return null;
        }

        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }
}
