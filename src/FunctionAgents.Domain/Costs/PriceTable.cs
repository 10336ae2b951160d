using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Costs;

/// <summary>
/// What model calls cost, by model or deployment name. A model missing from the table costs
/// <see cref="Fallback"/>, so an unpriced model is never free by accident.
/// </summary>
public sealed record PriceTable(IReadOnlyDictionary<string, ModelPrice> Models, ModelPrice Fallback)
{
    /// <summary>No model prices: every call costs <paramref name="fallback"/> rates.</summary>
    public static PriceTable Uniform(ModelPrice fallback) => new(new Dictionary<string, ModelPrice>(), fallback);

    public ModelPrice For(string modelOrDeployment) =>
        Models.TryGetValue(modelOrDeployment, out var price) ? price : Fallback;

    /// <summary>The cost of a recorded call: by model name first, then by deployment.</summary>
    public decimal CostOf(ModelCalled call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var price = Models.TryGetValue(call.Model, out var byModel) ? byModel : For(call.Deployment);
        return price.CostOf(call.InputTokens, call.OutputTokens);
    }
}

/// <summary>USD per one million input and output tokens for one model.</summary>
public sealed record ModelPrice(decimal InputPerMillionUsd, decimal OutputPerMillionUsd)
{
    public decimal CostOf(int inputTokens, int outputTokens) =>
        ((inputTokens * InputPerMillionUsd) + (outputTokens * OutputPerMillionUsd)) / 1_000_000m;
}
