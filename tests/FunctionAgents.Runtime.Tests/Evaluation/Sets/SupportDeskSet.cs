using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Evaluation.Sets;
using FunctionAgents.Runtime.Tests.Tools;
using FunctionAgents.Runtime.Tests.Tools.Sql;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Evaluation.Sets;

/// <summary>The shipped samples/eval/support-desk.yaml over the demo shop, docs and default policy, as <c>fa eval run</c> runs it.</summary>
internal static class SupportDeskSet
{
    public static string SetPath => Path.Combine(SamplePaths.RepositoryRoot, "samples", "eval", "support-desk.yaml");

    public static EvaluationSet Load() => EvaluationSetLoader.Load(File.ReadAllText(SetPath), "samples/eval/support-desk.yaml");

    public static PolicyEngine Policy() =>
        PolicyLoader.Load(File.ReadAllText(Path.Combine(SamplePaths.RepositoryRoot, "samples", "policies", "default.yaml")), "samples/policies/default.yaml");

    public static SetRunConfiguration Configuration(Func<IToolCatalog, SetModels>? models = null) =>
        BuiltInSetRuns.Create(
            new BuiltInToolOptions(SamplePaths.DocsFolder, ShopDatabase.FilePath),
            Policy(),
            "samples/policies/default.yaml",
            "samples/docs",
            TimeProvider.System,
            models);

    public static EvaluationSetRunner Runner(Func<IToolCatalog, SetModels>? models = null) =>
        new(Configuration(models), DeterministicEvaluators.All(["kestrelgoods.example"]), null, TimeProvider.System);
}
