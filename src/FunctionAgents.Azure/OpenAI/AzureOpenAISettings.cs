using System.Globalization;
using FunctionAgents.Azure.DependencyInjection;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Reads <see cref="AzureOpenAIOptions"/> from app settings named as the Azure samples name them. No endpoint means
/// no model: the host keeps the offline planner.
/// </summary>
public static class AzureOpenAISettings
{
    /// <summary>The v1 base URL, or the resource URL (<c>https://&lt;resource&gt;.openai.azure.com/</c>), to which <c>openai/v1/</c> is added.</summary>
    public const string Endpoint = "AZURE_OPENAI_ENDPOINT";

    /// <summary>The planning deployment (a small, fast model).</summary>
    public const string PlannerDeployment = "AZURE_OPENAI_PLANNER_DEPLOYMENT";

    /// <summary>The answering deployment (a stronger model); defaults to the planning deployment.</summary>
    public const string AnswerDeployment = "AZURE_OPENAI_ANSWER_DEPLOYMENT";

    /// <summary>Optional: the model behind the planning deployment, e.g. <c>gpt-4.1-mini</c>, for pricing.</summary>
    public const string PlannerModel = "AZURE_OPENAI_PLANNER_MODEL";

    /// <summary>Optional: the model behind the answering deployment, e.g. <c>gpt-4.1</c>, for pricing.</summary>
    public const string AnswerModel = "AZURE_OPENAI_ANSWER_MODEL";

    /// <summary>Optional: the deployment the evaluation judge uses (keyed client <c>judge</c>); defaults to the planning deployment.</summary>
    public const string JudgeDeployment = "FA_JUDGE_DEPLOYMENT";

    /// <summary>Optional: the model behind the judge's deployment, for pricing.</summary>
    public const string JudgeModel = "FA_JUDGE_MODEL";

    /// <summary>Optional api key; without it the identity from DefaultAzureCredential is used.</summary>
    public const string ApiKey = "AZURE_OPENAI_API_KEY";

    /// <summary>Optional ISO 8601 duration: the longest one model call may take, retries included; default <c>PT150S</c>.</summary>
    public const string Timeout = "FA_MODEL_TIMEOUT";

    /// <summary>Optional ISO 8601 duration: the longest one HTTP attempt may take; default <c>PT60S</c>.</summary>
    public const string AttemptTimeout = "FA_MODEL_ATTEMPT_TIMEOUT";

    /// <summary>Optional: retries after throttling, server errors or network failures; default 3.</summary>
    public const string MaxRetries = "FA_MODEL_MAX_RETRIES";

    /// <summary>
    /// Optional: <c>azure</c> (default, Azure.AI.OpenAI's AzureOpenAIClient on the deployment routes) or <c>openai</c> (the
    /// plain OpenAI client for any OpenAI-compatible base URL, Azure's <c>/openai/v1/</c> included, with the api key or an
    /// Entra ID token) or <c>ollama</c> (OllamaSharp against an Ollama server).
    /// </summary>
    public const string Client = "FA_MODEL_CLIENT";

    private static readonly string[] AzureOpenAIHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

    /// <summary>
    /// The options, or null when <see cref="Endpoint"/> is empty. Prices come from <see cref="ModelPrices.FromSettings"/>.
    /// </summary>
    /// <exception cref="FormatException">A setting is present but malformed, or the endpoint is set without a deployment.</exception>
    public static AzureOpenAIOptions? TryRead(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var endpoint = Get(getSetting, Endpoint);
        if (endpoint is null)
        {
            return null;
        }

        var planner = Get(getSetting, PlannerDeployment) ?? Get(getSetting, AnswerDeployment)
            ?? throw new FormatException($"{Endpoint} is set, so {PlannerDeployment} (and usually {AnswerDeployment}) must be set too.");
        return Read(getSetting, NormalizeEndpoint(endpoint), planner);
    }

    /// <summary>
    /// The options for model clients registered in DI rather than built from settings: no endpoint; deployment names
    /// (what the journal records and prices) from the same settings, else <c>planner</c> and <c>answer</c>; limits,
    /// prices and prompts as <see cref="TryRead"/> reads them.
    /// </summary>
    /// <exception cref="FormatException">A setting is present but malformed.</exception>
    public static AzureOpenAIOptions ReadForRegisteredClients(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var planner = Get(getSetting, PlannerDeployment) ?? Get(getSetting, AnswerDeployment) ?? Runtime.Models.ModelPurposes.Planner;
        var options = Read(getSetting, null, planner);
        return Get(getSetting, AnswerDeployment) is null && Get(getSetting, PlannerDeployment) is null
            ? options with { AnswerDeployment = Runtime.Models.ModelPurposes.Answer }
            : options;
    }

    private static AzureOpenAIOptions Read(Func<string, string?> getSetting, Uri? endpoint, string planner)
    {
        var options = new AzureOpenAIOptions
        {
            Endpoint = endpoint,
            PlannerDeployment = planner,
            JudgeDeployment = Get(getSetting, JudgeDeployment),
            JudgeModel = Get(getSetting, JudgeModel),
            AnswerDeployment = Get(getSetting, AnswerDeployment) ?? planner,
            PlannerModel = Get(getSetting, PlannerModel),
            AnswerModel = Get(getSetting, AnswerModel),
            ApiKey = Get(getSetting, ApiKey),
            Client = ClientKind(Get(getSetting, Client)),
            Prices = ModelPrices.FromSettings(getSetting),
        };
        return options with
        {
            TotalTimeout = SettingValue.Duration(Timeout, Get(getSetting, Timeout)) ?? options.TotalTimeout,
            AttemptTimeout = SettingValue.Duration(AttemptTimeout, Get(getSetting, AttemptTimeout)) ?? options.AttemptTimeout,
            MaxRetries = Count(MaxRetries, Get(getSetting, MaxRetries)) ?? options.MaxRetries,
        };
    }

    /// <summary>
    /// An Azure OpenAI resource URL with no path gets the v1 path <c>openai/v1/</c>; any other URL is kept as given,
    /// with a trailing slash so relative operation paths append to it.
    /// </summary>
    /// <exception cref="FormatException">Not an absolute http or https URL.</exception>
    public static Uri NormalizeEndpoint(string endpoint)
    {
        if (!Uri.TryCreate(endpoint?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException($"{Endpoint} must be an absolute http or https URL, such as https://<resource>.openai.azure.com/openai/v1/.");
        }

        var builder = new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty };
        var isResourceRoot = builder.Path is "" or "/"
            && AzureOpenAIHostSuffixes.Any(suffix => builder.Host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        builder.Path = isResourceRoot ? "/openai/v1/" : builder.Path.TrimEnd('/') + "/";
        return builder.Uri;
    }

    private static ModelClientKind ClientKind(string? value) => value?.ToLowerInvariant() switch
    {
        null or "azure" => ModelClientKind.AzureOpenAI,
        "openai" => ModelClientKind.OpenAICompatible,
        "ollama" => ModelClientKind.Ollama,
        _ => throw new FormatException($"{Client} '{value}' must be 'azure' (Azure OpenAI), 'openai' (an OpenAI-compatible endpoint) or 'ollama' (an Ollama server)."),
    };

    private static string? Get(Func<string, string?> getSetting, string name) =>
        getSetting(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Count(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 10
            ? count
            : throw new FormatException($"{name} '{value}' must be a whole number from 0 to 10.");
    }
}
