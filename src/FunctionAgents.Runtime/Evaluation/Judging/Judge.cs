using System.Text.Json;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using Microsoft.Extensions.AI;

namespace FunctionAgents.Runtime.Evaluation.Judging;

/// <summary>
/// Asks the judge model for a structured verdict ({"score": 1..5, "reason": "…"}) through a cache: a judgement already
/// made for the same model, prompt version and inputs is reused and costs no call. An answer outside that schema
/// throws <see cref="EvaluatorException"/> with the reason (the metric is errored, never scored).
/// </summary>
public sealed class Judge
{
    private readonly JudgementCache _cache;
    private int _calls;

    public Judge(JudgementCache? cache = null) => _cache = cache ?? new JudgementCache();

    /// <summary>Model calls made (cache misses) since this judge was built.</summary>
    public int ModelCalls => Volatile.Read(ref _calls);

    public JudgementCache Cache => _cache;

    public async Task<Judgement> JudgeAsync(IChatClient client, JudgePrompt prompt, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        var user = prompt.Render(values);
        var key = JudgementCache.Key(JudgeModel.Describe(client), prompt.Version, prompt.System, user);
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        Interlocked.Increment(ref _calls);
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, prompt.System), new ChatMessage(ChatRole.User, user)],
                new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new EvaluatorException($"the judge call failed: {ex.GetType().Name}: {ex.Message}", ex);
        }

        var judgement = Parse(response.Text);
        _cache.Add(key, judgement);
        return judgement;
    }

    /// <summary>Reads {"score": 1..5, "reason": "…"}; anything else is outside the schema.</summary>
    public static Judgement Parse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("score", out var score)
                || score.ValueKind != JsonValueKind.Number
                || !score.TryGetInt32(out var value)
                || value is < 1 or > 5)
            {
                throw new EvaluatorException($"the judge answered outside its schema (score must be an integer from 1 to 5): {Excerpt(trimmed)}");
            }

            if (!root.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(reason.GetString()))
            {
                throw new EvaluatorException($"the judge answered outside its schema (reason must be a non-empty text): {Excerpt(trimmed)}");
            }

            return new Judgement(value, reason.GetString()!);
        }
        catch (JsonException ex)
        {
            throw new EvaluatorException($"the judge answered outside its schema (not a JSON object): {Excerpt(trimmed)}", ex);
        }
    }

    private static string Excerpt(string text) => text.Length <= 120 ? $"\"{text}\"" : $"\"{text[..120]}…\"";
}
