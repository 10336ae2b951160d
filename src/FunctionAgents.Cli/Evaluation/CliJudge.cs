using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Runtime.Evaluation.Judging;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Evaluation;

/// <summary>
/// The judge model of <c>fa eval run</c>: the keyed "judge" <see cref="IChatClient"/> of the composition root the CLI
/// builds from its settings (or the one a test put on the context). None registered, or no root buildable from the
/// settings, means no judge: judged evaluators report "not run".
/// </summary>
internal sealed class CliJudge : IDisposable
{
    private readonly ServiceProvider? _provider;

    private CliJudge(IChatClient? client, ServiceProvider? provider)
    {
        Client = client;
        _provider = provider;
    }

    public IChatClient? Client { get; }

    public static CliJudge Resolve(CliContext context)
    {
        if (context.Judge is { } given)
        {
            return new CliJudge(given, null);
        }

        ServiceProvider? provider = null;
        try
        {
            var services = CliStorage.Services(context, FunctionAgentsSettings.FromSettings(context.GetSetting));

            // The CLI's root has no runtime, so the model clients come from the same settings the hosts read.
            if (AzureOpenAISettings.TryRead(context.GetSetting) is { } models)
            {
                services.AddAzureOpenAIModels(models);
            }

            provider = services.BuildServiceProvider();
            return new CliJudge(JudgeModel.Resolve(provider), provider);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            // Settings that build no root (no storage configured) register no judge either.
            provider?.Dispose();
            return new CliJudge(null, null);
        }
    }

    public void Dispose() => _provider?.Dispose();
}
