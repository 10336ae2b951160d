using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Writes the final answer with the answer deployment (the stronger model). Tool observations reach the model only
/// inside delimited blocks labelled as untrusted data, and the request offers no tools: whatever the model writes is
/// text for the user and can never cause a tool call.
/// </summary>
public sealed class AzureOpenAIResponseBuilder : IResponseBuilder
{
    private readonly ChatModel _model;
    private readonly PromptTemplate _prompt;
    private readonly ModelMessage _system;
    private readonly string _systemHash;
    private readonly int _maxOutputTokens;

    /// <summary>A response builder on <see cref="AzureOpenAIOptions.AnswerDeployment"/> of the endpoint in the options.</summary>
    /// <param name="clock">Measures latency and drives the time limits; the system clock when null.</param>
    /// <exception cref="ArgumentException">The options are incomplete.</exception>
    public AzureOpenAIResponseBuilder(AzureOpenAIOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
        : this(options, ChatClientFactory.Create(Validated(options), options.AnswerDeployment), loggerFactory, clock)
    {
    }

    /// <summary>A response builder on any <see cref="IChatClient"/>, recorded as <see cref="AzureOpenAIOptions.AnswerDeployment"/>.</summary>
    /// <exception cref="ArgumentException">A limit in the options is out of range.</exception>
    public AzureOpenAIResponseBuilder(AzureOpenAIOptions options, IChatClient chatClient, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chatClient);
        options.ValidateLimits();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AzureOpenAIResponseBuilder>();
        _model = new ChatModel(chatClient, options, options.AnswerDeployment, options.AnswerModel, loggerFactory, logger, clock ?? TimeProvider.System);
        _prompt = PromptLibrary.Load(options.AnswerPrompt);
        _system = ModelMessage.System(_prompt.Render("system", new Dictionary<string, string>()));
        _systemHash = ModelHashes.Of(_system.Content);
        _maxOutputTokens = options.AnswerMaxOutputTokens;
        Name = $"{options.ProviderLabel}:{options.AnswerDeployment}";
    }

    private static AzureOpenAIOptions Validated(AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    /// <summary><c>azure-openai:&lt;answer deployment&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>One answer call. An unreadable answer comes back as empty text, which the activity records as a failed response.</summary>
    /// <exception cref="BudgetWouldBeExceededException">The call's estimate exceeds the remaining budget; no call was made.</exception>
    /// <exception cref="RunFailureException">The call failed; the code says why.</exception>
    public async Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModelMessage[] messages = [_system, ModelMessage.User(AnswerPrompt.User(_prompt, request))];
        var call = await _model.CallAsync(
            new ModelCallRequest(ModelCallPurposes.Answer, _prompt.Version, _systemHash, messages, AnswerPrompt.Format, _maxOutputTokens),
            request.RemainingBudgetUsd,
            cancellationToken).ConfigureAwait(false);
        var (text, sources) = AnswerPrompt.Read(call.RawResponse, request.Steps);
        return new ResponseResult(text, sources, Name, [call]);
    }
}
