using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Costs;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// The model price table, read from the <c>FA_MODEL_PRICES</c> setting: JSON of USD per one million tokens,
/// <c>{ "gpt-4.1-mini": { "input": 0.4, "output": 1.6 }, "*": { "input": 5, "output": 15 } }</c>. Entries add to or
/// replace <see cref="Default"/>; <c>*</c> replaces the fallback charged for a model that is not listed.
/// </summary>
public static class ModelPrices
{
    /// <summary>The setting holding the price JSON.</summary>
    public const string Setting = "FA_MODEL_PRICES";

    /// <summary>The key whose price applies to any model not in the table.</summary>
    public const string FallbackKey = "*";

    /// <summary>
    /// Global Standard list prices (USD per 1M input / output tokens) at the time of writing; check them against your
    /// own price sheet. The fallback is the dearest of them, so an unlisted model is never free and estimates err high.
    /// </summary>
    public static IReadOnlyDictionary<string, ModelPrice> DefaultModels { get; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4.1"] = new(2.00m, 8.00m),
        ["gpt-4.1-mini"] = new(0.40m, 1.60m),
        ["gpt-4.1-nano"] = new(0.10m, 0.40m),
        ["gpt-4o"] = new(2.50m, 10.00m),
        ["gpt-4o-mini"] = new(0.15m, 0.60m),
        ["o4-mini"] = new(1.10m, 4.40m),
        ["o3-mini"] = new(1.10m, 4.40m),
        ["gpt-5"] = new(1.25m, 10.00m),
        ["gpt-5-mini"] = new(0.25m, 2.00m),
        ["gpt-5-nano"] = new(0.05m, 0.40m),
    };

    /// <summary>The price charged for a model missing from the table by default.</summary>
    public static ModelPrice DefaultFallback { get; } = new(2.50m, 10.00m);

    /// <summary>The default table: <see cref="DefaultModels"/> and <see cref="DefaultFallback"/>.</summary>
    public static PriceTable Default { get; } = new(new ModelPriceLookup(DefaultModels), DefaultFallback);

    /// <summary>
    /// Builds the table from the price JSON (null or empty: the defaults). <paramref name="deploymentModels"/> maps
    /// deployment names to model names, so a call recorded by deployment is priced as its model.
    /// </summary>
    /// <exception cref="FormatException">The JSON is malformed or a price is missing or negative.</exception>
    public static PriceTable Parse(string? json, IReadOnlyDictionary<string, string>? deploymentModels = null)
    {
        var models = new Dictionary<string, ModelPrice>(DefaultModels, StringComparer.OrdinalIgnoreCase);
        var fallback = DefaultFallback;
        if (!string.IsNullOrWhiteSpace(json))
        {
            foreach (var (name, price) in Read(json))
            {
                if (name == FallbackKey)
                {
                    fallback = price;
                }
                else
                {
                    models[name] = price;
                }
            }
        }

        return new PriceTable(new ModelPriceLookup(models, deploymentModels), fallback);
    }

    /// <summary>
    /// Reads <see cref="Setting"/>, with the planner, answer and judge deployments as aliases of their models when
    /// <c>AZURE_OPENAI_PLANNER_MODEL</c> / <c>AZURE_OPENAI_ANSWER_MODEL</c> / <c>FA_JUDGE_MODEL</c> are set.
    /// </summary>
    public static PriceTable FromSettings(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddAlias(aliases, getSetting(AzureOpenAISettings.PlannerDeployment), getSetting(AzureOpenAISettings.PlannerModel));
        AddAlias(aliases, getSetting(AzureOpenAISettings.AnswerDeployment), getSetting(AzureOpenAISettings.AnswerModel));
        AddAlias(aliases, getSetting(AzureOpenAISettings.JudgeDeployment), getSetting(AzureOpenAISettings.JudgeModel));
        return Parse(getSetting(Setting), aliases);
    }

    private static void AddAlias(Dictionary<string, string> aliases, string? deployment, string? model)
    {
        if (!string.IsNullOrWhiteSpace(deployment) && !string.IsNullOrWhiteSpace(model))
        {
            aliases[deployment.Trim()] = model.Trim();
        }
    }

    private static List<(string Name, ModelPrice Price)> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{Setting} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{Setting} must be a JSON object of model names to {{ \"input\": .., \"output\": .. }}.");
            }

            var prices = new List<(string, ModelPrice)>();
            foreach (var model in document.RootElement.EnumerateObject())
            {
                prices.Add((model.Name, new ModelPrice(Rate(model, "input"), Rate(model, "output"))));
            }

            return prices;
        }
    }

    private static decimal Rate(JsonProperty model, string field)
    {
        if (model.Value.ValueKind != JsonValueKind.Object
            || !model.Value.TryGetProperty(field, out var value)
            || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDecimal(out var rate)
            || rate < 0)
        {
            throw new FormatException(string.Create(
                CultureInfo.InvariantCulture, $"{Setting}: '{model.Name}' needs \"{field}\" as a non-negative number of USD per one million tokens."));
        }

        return rate;
    }
}
