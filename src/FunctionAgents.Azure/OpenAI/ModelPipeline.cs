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
    public static IChatClient Build(IChatClient provider, AzureOpenAIOptions options, string deployment, ILoggerFactory? loggerFactory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        var retryLogger = loggers.CreateLogger<RetryingChatClient>();
        return new ChatClientBuilder(provider)
            .UseOpenTelemetry(loggers, FaTelemetry.Name, otel => otel.EnableSensitiveData = false)
            .Use(inner => new RecordingChatClient(inner, clock))
            .UseLogging(loggers)
            .Use(inner => new RetryingChatClient(inner, options, deployment, retryLogger, clock))
            .Build();
    }
}
