using FunctionAgents.Runtime.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Runtime.Evaluation.Judging;

/// <summary>Where the judged evaluators find their model: the keyed <see cref="IChatClient"/> "judge".</summary>
public static class JudgeModel
{
    /// <summary>The judge model, or null when none is registered (judged evaluators then report "not run").</summary>
    public static IChatClient? Resolve(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetKeyedService<IChatClient>(ModelPurposes.Judge);
    }

    /// <summary>The model id the judge reports (its metadata's default model), else its provider's name.</summary>
    public static string Describe(IChatClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var metadata = client.GetService<ChatClientMetadata>();
        return metadata?.DefaultModelId ?? metadata?.ProviderName ?? client.GetType().Name;
    }
}
