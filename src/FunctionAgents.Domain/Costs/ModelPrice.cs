namespace FunctionAgents.Domain.Costs;

/// <summary>USD per one million input and output tokens for one model.</summary>
public sealed record ModelPrice(decimal InputPerMillionUsd, decimal OutputPerMillionUsd)
{
    public decimal CostOf(int inputTokens, int outputTokens) =>
        ((inputTokens * InputPerMillionUsd) + (outputTokens * OutputPerMillionUsd)) / 1_000_000m;
}
