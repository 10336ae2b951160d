using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Cli.Evaluation;

/// <summary>The candidate planner and response builder of a live replay: Azure OpenAI, configured by AZURE_OPENAI_* settings.</summary>
internal static class LiveModels
{
    public static (IPlanner Planner, IResponseBuilder Builder, PriceTable Prices) Create(CliContext context, IToolCatalog tools, string? candidatePrompt, string? candidateModel = null)
    {
        AzureOpenAIOptions? options;
        try
        {
            options = AzureOpenAISettings.TryRead(context.GetSetting);
        }
        catch (FormatException ex)
        {
            throw CliException.Usage($"live mode: the model settings are invalid: {ex.Message}", ex);
        }

        if (options is null)
        {
            throw CliException.Usage(
                $"live mode needs a model: set {AzureOpenAISettings.Endpoint} and {AzureOpenAISettings.PlannerDeployment} (and {AzureOpenAISettings.ApiKey}, or sign in for Entra ID), or use --mode recorded");
        }

        options = candidatePrompt is null ? options : options with { PlannerPrompt = candidatePrompt };
        options = candidateModel is null ? options : options with { PlannerDeployment = candidateModel, AnswerDeployment = candidateModel };
        try
        {
            return (new AzureOpenAIPlanner(options, tools), new AzureOpenAIResponseBuilder(options), options.Prices);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException or FileNotFoundException)
        {
            throw CliException.Usage($"live mode: {ex.Message}", ex);
        }
    }
}
