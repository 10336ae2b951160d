namespace FunctionAgents.Azure.OpenAI;

/// <summary>Which SDK client talks to the model endpoint (setting <see cref="AzureOpenAISettings.Client"/>).</summary>
public enum ModelClientKind
{
    /// <summary>Azure.AI.OpenAI's <c>AzureOpenAIClient</c>: deployments under an Azure OpenAI resource, api-key or Entra ID.</summary>
    AzureOpenAI,

    /// <summary>The plain OpenAI client against any OpenAI-compatible base URL; the api key is sent as a bearer token.</summary>
    OpenAICompatible,
}
