using FunctionAgents.Domain.Runs;
using FunctionAgents.Http.Contracts;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;

namespace FunctionAgents.Http.Problems;

/// <summary>The API's error responses, each an <c>application/problem+json</c> <see cref="Problem"/>.</summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    private const string TypeBase = "urn:functionagents:problem:";

    /// <summary>400 naming every bad field.</summary>
    public static IResult Validation(IEnumerable<FieldError> errors, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Field} {e.Message}").ToArray(), StringComparer.Ordinal);
        return Write(new Problem(TypeBase + "validation", "The request is invalid.", 400, detail ?? Describe(byField)) { Errors = byField });
    }

    /// <summary>400 for one bad field.</summary>
    public static IResult Validation(string field, string message) => Validation([new FieldError(field, message)]);

    /// <summary>400: the body is not JSON at all.</summary>
    public static IResult MalformedJson(string detail) =>
        Write(new Problem(TypeBase + "malformed-json", "The request body is not valid JSON.", 400, detail)
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$"] = [detail] },
        });

    public static IResult Unauthorized() =>
        Write(new Problem(
            TypeBase + "unauthorized",
            "A valid API key is required.",
            401,
            $"Send your API key in the {ApiRoutes.ApiKeyHeader} header."));

    /// <summary>403: the key is valid but may not do this; <paramref name="detail"/> says which key may.</summary>
    public static IResult Forbidden(string title, string detail) => Write(new Problem(TypeBase + "forbidden", title, 403, detail));

    public static IResult NotFound(string detail) => Write(new Problem(TypeBase + "not-found", "Not found.", 404, detail));

    /// <summary>409 with the run's and, when given, the step's current state.</summary>
    public static IResult Conflict(string detail, RunState? state, string? stepId = null)
    {
        var step = stepId is null ? null : state?.FindStep(stepId);
        return Write(new Problem(TypeBase + "conflict", "The run is not in a state that allows this.", 409, detail)
        {
            RunId = state?.RunId,
            RunStatus = state is null ? null : RunStatusNames.ToName(state.Status),
            StepId = step?.Id,
            StepPhase = step is null ? null : StepPhases.ToName(step.Phase),
        });
    }

    public static IResult PayloadTooLarge(int limitBytes) =>
        Write(new Problem(TypeBase + "payload-too-large", "The request body is too large.", 413, $"Request bodies are limited to {limitBytes / 1024} KiB."));

    public static IResult UnsupportedMediaType(string? contentType) =>
        Write(new Problem(
            TypeBase + "unsupported-media-type",
            "The request body must be JSON.",
            415,
            $"Content-Type must be application/json; it was {(string.IsNullOrEmpty(contentType) ? "missing" : $"'{contentType}'")}."));

    public static IResult MethodNotAllowed(string method, string path) =>
        Write(new Problem(TypeBase + "method-not-allowed", "Method not allowed.", 405, $"{method} is not supported on {path}."));

    /// <summary>405 naming the methods <paramref name="path"/> does serve (the caller sets the matching <c>Allow</c> header).</summary>
    public static IResult MethodNotAllowed(string method, string path, IReadOnlyCollection<string> allowed) =>
        Write(new Problem(
            TypeBase + "method-not-allowed", "Method not allowed.", 405, $"{method} is not supported on {path}; allowed: {string.Join(", ", allowed)}."));

    public static IResult Unavailable(string detail) => Write(new Problem(TypeBase + "unavailable", "Storage is unavailable.", 503, detail));

    /// <summary>500 without internals; <paramref name="traceId"/> finds the logged error.</summary>
    public static IResult Internal(string traceId) =>
        Write(new Problem(TypeBase + "internal", "An unexpected error occurred.", 500, $"The error was logged with trace id {traceId}."));

    private static ProblemResult Write(Problem problem) => new ProblemResult(problem);

    private static string Describe(Dictionary<string, string[]> byField) =>
        byField.Count == 0 ? "The request is invalid." : string.Join(" ", byField.Values.SelectMany(m => m).Select(m => m.EndsWith('.') ? m : m + "."));
}
