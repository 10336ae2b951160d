using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

internal sealed partial class ChatModel
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "Model call {Purpose} to {Deployment} ({Model}): {InputTokens} in, {OutputTokens} out, {LatencyMs} ms, finish {FinishReason}")]
        public static partial void Called(ILogger logger, string purpose, string deployment, string model, int inputTokens, int outputTokens, long latencyMs, string finishReason);

        [LoggerMessage(EventId = 221, Level = LogLevel.Warning, Message = "Model call {Purpose} to {Deployment} failed with {Code} ({ExceptionType})")]
        public static partial void CallFailed(ILogger logger, string purpose, string deployment, string code, string exceptionType);

        [LoggerMessage(EventId = 222, Level = LogLevel.Warning, Message = "Model call {Purpose} to {Deployment} not made: estimated at {EstimateUsd} USD, {RemainingUsd} USD of the budget remains")]
        public static partial void BudgetRefused(ILogger logger, string purpose, string deployment, decimal estimateUsd, decimal remainingUsd);
    }
}
