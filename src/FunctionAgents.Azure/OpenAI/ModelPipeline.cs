using FunctionAgents.Runtime.Models;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// The middleware every model call goes through, whichever <see cref="IChatClient"/> is underneath (from settings or
/// registered in DI), outermost first: Microsoft.Extensions.AI's OpenTelemetry client (the gen_ai span and metrics, on
/// the <see cref="FaTelemetry.Name"/> source every host already exports, so it nests under the step's span), the
/// <see cref="RecordingChatClient"/> (the ModelCalled record), Microsoft.Extensions.AI's logging client, and
/// <see cref="RetryingChatClient"/> (attempt timeouts and bounded retries).
/// </summary>
internal static class ModelPipeline
{
    /// <param name="defaults">What the recording records for a request without its own <see cref="ModelCallInfo"/>.</param>
    public static IChatClient Build(
        IChatClient provider, AzureOpenAIOptions options, string deployment, ILoggerFactory? loggerFactory, TimeProvider clock, ModelCallInfo? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        var retryLogger = loggers.CreateLogger<RetryingChatClient>();
        return new ChatClientBuilder(provider)
            .UseOpenTelemetry(loggers, FaTelemetry.Name, otel => otel.EnableSensitiveData = false)
            .Use(inner => new RecordingChatClient(inner, clock, defaults))
            .UseLogging(loggers)
            .Use(inner => new RetryingChatClient(inner, options, deployment, retryLogger, clock))
            .Build();
    }

    /// <summary>True when <paramref name="client"/> already has this middleware (a keyed client from <c>AddAzureOpenAIModels</c>).</summary>
    public static bool IsBuilt(IChatClient client) => client.GetService(typeof(RecordingChatClient)) is not null;

    /// <summary>
    /// The keyed client for <paramref name="purpose"/>, middleware included, so a caller that resolves it directly (the
    /// evaluation judge) gets spans, retries and a ModelCalled record of purpose <paramref name="purpose"/> like the planner.
    /// </summary>
    public static IChatClient ForPurpose(IChatClient provider, AzureOpenAIOptions options, string purpose, string deployment, string? model, ILoggerFactory? loggerFactory) =>
        IsBuilt(provider)
            ? provider
            : Build(provider, options, deployment, loggerFactory, TimeProvider.System, new ModelCallInfo(purpose, deployment, model, string.Empty, string.Empty, 0));
}
