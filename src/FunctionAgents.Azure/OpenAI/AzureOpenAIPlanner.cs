using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.AI;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Plans with an Azure OpenAI deployment using structured outputs: the strict plan schema as the response format and
/// the tool list in the prompt. An answer that fails <see cref="PlanValidator"/> (or the run's limits) gets one repair
/// call that sends the violations back. Returns the last raw plan and every model call made; the planning activity
/// validates the plan again and records PlanRejected if it is still invalid.
/// </summary>
public sealed partial class AzureOpenAIPlanner : IPlanner
{
    private readonly ChatModel _model;
    private readonly IToolCatalog _tools;
    private readonly PromptTemplate _prompt;
    private readonly ModelResponseFormat _format;
    private readonly ModelMessage _system;
    private readonly string _systemHash;
    private readonly int _maxOutputTokens;
    private readonly PriceTable _prices;
    private readonly ILogger _logger;

    /// <summary>A planner on <see cref="AzureOpenAIOptions.PlannerDeployment"/> of the endpoint in the options, for the tools in <paramref name="tools"/>.</summary>
    /// <param name="clock">Measures latency and drives the time limits; the system clock when null.</param>
    /// <exception cref="ArgumentException">The options are incomplete or the catalog has no tools.</exception>
    public AzureOpenAIPlanner(AzureOpenAIOptions options, IToolCatalog tools, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
        : this(options, ChatClientFactory.Create(Validated(options), options.PlannerDeployment), tools, loggerFactory, clock)
    {
    }

    /// <summary>
    /// A planner on any <see cref="IChatClient"/> (the provider underneath; the runtime adds its middleware), recorded
    /// as <see cref="AzureOpenAIOptions.PlannerDeployment"/>. The endpoint settings in <paramref name="options"/> are not used.
    /// </summary>
    /// <exception cref="ArgumentException">A limit in the options is out of range.</exception>
    public AzureOpenAIPlanner(AzureOpenAIOptions options, IChatClient chatClient, IToolCatalog tools, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(tools);
        options.ValidateLimits();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AzureOpenAIPlanner>();
        _model = new ChatModel(chatClient, options, options.PlannerDeployment, options.PlannerModel, loggerFactory, _logger, clock ?? TimeProvider.System);
        _tools = tools;
        _prompt = PromptLibrary.Load(options.PlannerPrompt);
        _format = PlannerPrompt.Format(tools);
        _system = ModelMessage.System(PlannerPrompt.System(_prompt, tools));
        _systemHash = ModelHashes.Of(_system.Content);
        _maxOutputTokens = options.PlannerMaxOutputTokens;
        _prices = options.Prices;
        Name = $"{options.ProviderLabel}:{options.PlannerDeployment}";
    }

    /// <summary><c>azure-openai:&lt;planner deployment&gt;</c> (<c>chat:</c> for a client registered without an endpoint).</summary>
    public string Name { get; }

    /// <summary>The planner prompt's version, e.g. <c>planner/v1</c>.</summary>
    public string PromptVersion => _prompt.Version;

    /// <summary>Asks for a plan and, if it is invalid, for one repair.</summary>
    /// <exception cref="BudgetWouldBeExceededException">The first call's estimate exceeds the remaining budget; no call was made.</exception>
    /// <exception cref="RunFailureException">The first call failed (<c>model_auth</c>, <c>model_unavailable</c>, <c>model_timeout</c>, <c>model_rejected</c>).</exception>
    /// <remarks>
    /// When the repair call is refused for budget or fails, the same exception is thrown carrying the first call in
    /// <c>CallsMade</c>, so the activity records that call and its cost before BudgetExceeded or RunFailed.
    /// </remarks>
    public async Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<ModelMessage> messages = [_system, ModelMessage.User(PlannerPrompt.User(_prompt, request))];
        var first = await _model.CallAsync(Request(ModelCallPurposes.Plan, messages), request.RemainingBudgetUsd, cancellationToken).ConfigureAwait(false);

        var validation = PlanValidator.Validate(first.RawResponse, _tools);
        var violations = validation.Violations.Concat(PlannerPrompt.LimitViolations(request, validation.Plan)).ToList();
        if (violations.Count == 0)
        {
            return Result(first.RawResponse, [first]);
        }

        Log.RepairRequested(_logger, request.RunId, violations.Count);
        messages.Add(ModelMessage.Assistant(first.RawResponse));
        messages.Add(ModelMessage.User(PlannerPrompt.Repair(_prompt, violations)));
        var remaining = request.RemainingBudgetUsd - _prices.CostOf(first);
        try
        {
            var repair = await _model.CallAsync(Request(ModelCallPurposes.Repair, messages), remaining, cancellationToken).ConfigureAwait(false);
            return Result(repair.RawResponse, [first, repair]);
        }
        catch (BudgetWouldBeExceededException ex)
        {
            Log.RepairNotMade(_logger, request.RunId, FailureCodes.BudgetExceeded, ex.Message);
            throw new BudgetWouldBeExceededException(ex.Message, ex) { EstimateUsd = ex.EstimateUsd, CallsMade = [first] };
        }
        catch (RunFailureException ex)
        {
            Log.RepairNotMade(_logger, request.RunId, ex.Code, ex.Message);
            throw new RunFailureException(ex.Code, ex.Message, ex) { CallsMade = [first] };
        }
    }

    private static AzureOpenAIOptions Validated(AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private ModelCallRequest Request(string purpose, IReadOnlyList<ModelMessage> messages) =>
        new(purpose, _prompt.Version, _systemHash, [.. messages], _format, _maxOutputTokens);

    private PlannerResult Result(string rawPlan, IReadOnlyList<ModelCalled> calls) => new(Name, _prompt.Version, rawPlan, calls);
}

/// <summary>The purposes a ModelCalled event records.</summary>
internal static class ModelCallPurposes
{
    public const string Plan = "plan";
    public const string Repair = "repair";
    public const string Answer = "answer";
}

/// <summary>Everything one model call sends, and what is recorded about its prompt.</summary>
/// <param name="Purpose">One of <see cref="ModelCallPurposes"/>.</param>
/// <param name="PromptVersion">The prompt file's version, e.g. <c>planner/v1</c>.</param>
/// <param name="PromptHash">SHA-256 of the rendered instructions (the system message).</param>
internal sealed record ModelCallRequest(
    string Purpose,
    string PromptVersion,
    string PromptHash,
    IReadOnlyList<ModelMessage> Messages,
    ModelResponseFormat Format,
    int MaxOutputTokens);

/// <summary>One chat message as sent, in the form hashed into ModelCalled.RequestHash.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
internal sealed record ModelMessage(string Role, string Content)
{
    public static ModelMessage System(string content) => new("system", content);

    public static ModelMessage User(string content) => new("user", content);

    public static ModelMessage Assistant(string content) => new("assistant", content);

    public ChatMessage ToChatMessage() => Role switch
    {
        "system" => new ChatMessage(ChatRole.System, Content),
        "user" => new ChatMessage(ChatRole.User, Content),
        "assistant" => new ChatMessage(ChatRole.Assistant, Content),
        _ => throw new InvalidOperationException($"Unknown chat role '{Role}'."),
    };
}
