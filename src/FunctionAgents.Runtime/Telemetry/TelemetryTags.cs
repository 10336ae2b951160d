namespace FunctionAgents.Runtime.Telemetry;

/// <summary>Attribute (span) and tag (metric) names. The gen_ai.* ones follow the OpenTelemetry GenAI conventions.</summary>
public static class TelemetryTags
{
    /// <summary>The run's id (spans only: never a metric tag).</summary>
    public const string RunId = "fa.run.id";

    /// <summary>The run's tenant.</summary>
    public const string Tenant = "fa.tenant";

    /// <summary>The caller's correlation id (spans only).</summary>
    public const string CorrelationId = "fa.correlation.id";

    /// <summary>How the run arrived: http or queue.</summary>
    public const string Source = "fa.run.source";

    /// <summary>How the run ended: completed, failed or cancelled.</summary>
    public const string Status = "fa.run.status";

    /// <summary>A failed run's stable failure code.</summary>
    public const string FailureCode = "fa.failure.code";

    /// <summary>A step's kind (plan, policy, tool, answer, finish, approval_wait).</summary>
    public const string StepKind = "fa.step.kind";

    /// <summary>The plan step's id (spans only).</summary>
    public const string StepId = "fa.step.id";

    /// <summary>The tool a step calls.</summary>
    public const string Tool = "fa.tool";

    /// <summary>The policy's action: allow, deny or require_approval.</summary>
    public const string PolicyAction = "fa.policy.action";

    /// <summary>The matched rule (one per metric point; every matched rule on a span).</summary>
    public const string PolicyRule = "fa.policy.rule";

    /// <summary>Which journal events a span appended: first and last Seq (spans only).</summary>
    public const string FirstSeq = "fa.journal.first_seq";

    /// <summary>Last Seq appended (spans only).</summary>
    public const string LastSeq = "fa.journal.last_seq";

    /// <summary>An append's outcome: ok, conflict or error.</summary>
    public const string Outcome = "fa.outcome";

    /// <summary>A model call's purpose: plan, repair or answer.</summary>
    public const string Purpose = "fa.model.purpose";

    /// <summary>Cost category: model or tool.</summary>
    public const string CostCategory = "fa.cost.category";

    /// <summary>The model deployment or tool the cost is for.</summary>
    public const string CostItem = "fa.cost.item";

    /// <summary>GenAI: the operation (chat).</summary>
    public const string GenAiOperation = "gen_ai.operation.name";

    /// <summary>GenAI: the provider (azure.ai.openai, offline).</summary>
    public const string GenAiSystem = "gen_ai.system";

    /// <summary>GenAI: the requested model (the deployment).</summary>
    public const string GenAiRequestModel = "gen_ai.request.model";

    /// <summary>GenAI: the model that answered.</summary>
    public const string GenAiResponseModel = "gen_ai.response.model";

    /// <summary>GenAI: prompt tokens.</summary>
    public const string GenAiInputTokens = "gen_ai.usage.input_tokens";

    /// <summary>GenAI: completion tokens.</summary>
    public const string GenAiOutputTokens = "gen_ai.usage.output_tokens";

    /// <summary>GenAI: why the model stopped (array of one).</summary>
    public const string GenAiFinishReasons = "gen_ai.response.finish_reasons";

    /// <summary>GenAI: token direction on the token metric (input or output).</summary>
    public const string GenAiTokenType = "gen_ai.token.type";

    /// <summary>Evaluation suite or gate name.</summary>
    public const string Evaluation = "fa.evaluation";

    /// <summary>The queue a metric point is about.</summary>
    public const string Queue = "fa.queue";
}
