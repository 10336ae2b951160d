using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Runs;

/// <summary>Checks a start request before anything is written; every problem is reported with its field.</summary>
public static partial class StartRunValidator
{
    public const int MaxGoalLength = 4000;
    public const int MinSteps = 1;
    public const int MaxSteps = 20;
    public const decimal MinBudgetUsd = 0.01m;
    public const decimal MaxBudgetUsd = 10m;
    public const int MaxMetadataEntries = 20;

    public static IReadOnlyList<FieldError> Validate(StartRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Goal))
        {
            errors.Add(new FieldError("goal", "is required and must not be blank"));
        }
        else if (request.Goal.Length > MaxGoalLength)
        {
            errors.Add(new FieldError("goal", $"must be at most {MaxGoalLength} characters, was {request.Goal.Length}"));
        }

        if (request.MaxSteps is { } steps && (steps < MinSteps || steps > MaxSteps))
        {
            errors.Add(new FieldError("maxSteps", $"must be between {MinSteps} and {MaxSteps}, was {steps}"));
        }

        if (request.BudgetUsd is { } budget && (budget < MinBudgetUsd || budget > MaxBudgetUsd))
        {
            errors.Add(new FieldError("budgetUsd", string.Create(CultureInfo.InvariantCulture, $"must be between {MinBudgetUsd} and {MaxBudgetUsd}, was {budget}")));
        }

        if (request.CorrelationId is { } correlation && !Token().IsMatch(correlation))
        {
            errors.Add(new FieldError("correlationId", "must be 1 to 128 characters of letters, digits and . _ : -"));
        }

        if (request.IdempotencyKey is { } key && !Token().IsMatch(key))
        {
            errors.Add(new FieldError("idempotencyKey", "must be 1 to 128 characters of letters, digits and . _ : -"));
        }

        if (!Tenant().IsMatch(request.TenantId ?? string.Empty))
        {
            errors.Add(new FieldError("tenant", "must be 1 to 64 characters of lowercase letters, digits and -"));
        }

        if (request.Metadata is { } metadata)
        {
            if (metadata.Count > MaxMetadataEntries)
            {
                errors.Add(new FieldError("metadata", $"must have at most {MaxMetadataEntries} entries, had {metadata.Count}"));
            }

            foreach (var (name, value) in metadata)
            {
                if (name.Length is 0 or > 64 || (value?.Length ?? 0) > 256)
                {
                    errors.Add(new FieldError($"metadata.{name}", "keys must be 1 to 64 characters and values at most 256"));
                }
            }

            if (Memory.MemoryScopes.Requested(metadata) is null)
            {
                errors.Add(new FieldError($"metadata.{Memory.MemoryScopes.MetadataKey}", $"must be one of {string.Join(", ", Memory.MemoryScopes.Names)}"));
            }
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tenant();
}

/// <summary>One bad input field, named as the caller sent it (e.g. <c>budgetUsd</c>).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>A request to start a run, from HTTP or the <c>agent-runs</c> queue.</summary>
/// <param name="Source"><c>http</c> or <c>queue</c>.</param>
/// <param name="TraceParent">The caller's W3C traceparent, if any; a new one is made otherwise.</param>
public sealed record StartRunRequest(
    string TenantId,
    string Goal,
    int? MaxSteps,
    decimal? BudgetUsd,
    string? CorrelationId,
    IReadOnlyDictionary<string, string>? Metadata,
    string? IdempotencyKey,
    string Source,
    string? TraceParent);
