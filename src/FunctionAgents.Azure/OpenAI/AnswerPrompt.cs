using System.Text.Json;
using System.Text;
using FunctionAgents.Domain.Responses;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Renders the answer prompt and reads the model's answer. Every tool observation goes inside an
/// <see cref="UntrustedContent"/> block; the request offers the model no tools.
/// </summary>
internal static class AnswerPrompt
{
    public static ModelResponseFormat Format { get; } = new(
        "agent_answer",
        "The answer to the user and the ids of the steps it relies on.",
        """
        {"type":"object","properties":{"answer":{"type":"string","description":"The answer to the user, plain text."},"sources":{"type":"array","items":{"type":"string"},"description":"Ids of the steps whose results the answer uses, e.g. s1."}},"required":["answer","sources"],"additionalProperties":false}
        """);

    public static string User(PromptTemplate prompt, ResponseRequest request) => prompt.Render("user", new Dictionary<string, string>
    {
        ["goal"] = request.Goal,
        ["steps"] = Steps(request.Steps),
    });

    /// <summary>One paragraph per step: what it was for and what became of it, its output in an untrusted block.</summary>
    public static string Steps(IReadOnlyList<StepOutcome> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return "(no steps ran)";
        }

        var text = new StringBuilder();
        foreach (var step in steps)
        {
            text.Append("Step ").Append(step.StepId).Append(" (").Append(step.Tool).Append("): ").Append(step.Status);
            if (step.Reason is { Length: > 0 } reason)
            {
                text.Append(" - ").Append(reason);
            }

            text.Append('\n').Append("Objective: ").Append(step.Objective).Append('\n');
            if (step.Observation is { } observation)
            {
                var data = observation.Success && observation.Output is { } output
                    ? UntrustedContent.Json(output)
                    : UntrustedContent.Json(JsonSerializer.SerializeToElement(new Dictionary<string, string?>
                    {
                        ["error"] = observation.Error?.Code ?? "failed",
                        ["message"] = observation.Error?.Message,
                    }));
                text.Append(UntrustedContent.Block(step.StepId, step.Tool, data, observation.Truncated)).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The answer text and its sources (<c>step:&lt;id&gt;</c>, executed steps only) from the model's JSON. Anything
    /// else (not JSON, cut off, no answer) gives an empty text, which the activity records as a failed response.
    /// </summary>
    public static (string Text, IReadOnlyList<string> Sources) Read(string raw, IReadOnlyList<StepOutcome> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("answer", out var answer)
                || answer.ValueKind != JsonValueKind.String)
            {
                return (string.Empty, []);
            }

            var executed = steps.Where(s => s.Status == "executed").Select(s => s.StepId).ToHashSet(StringComparer.Ordinal);
            var sources = root.TryGetProperty("sources", out var cited) && cited.ValueKind == JsonValueKind.Array
                ? cited.EnumerateArray()
                    .Where(id => id.ValueKind == JsonValueKind.String)
                    .Select(id => id.GetString()!.Trim())
                    .Select(id => id.StartsWith("step:", StringComparison.Ordinal) ? id["step:".Length..] : id)
                    .Where(executed.Contains)
                    .Distinct(StringComparer.Ordinal)
                    .Select(id => $"step:{id}")
                    .ToList()
                : [];
            return (answer.GetString()!.Trim(), sources);
        }
        catch (JsonException)
        {
            return (string.Empty, []);
        }
    }
}
