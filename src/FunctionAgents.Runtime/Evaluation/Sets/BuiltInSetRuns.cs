using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Evaluation.Sets;

/// <summary>
/// The configuration the hosts run by default, for set runs: the four built-in tools over the given docs folder and
/// shop database (tickets and mails kept in memory), the given policy, and the offline planner and builder unless
/// model-backed ones are given.
/// </summary>
public static class BuiltInSetRuns
{
    /// <param name="policyName">The policy file as the report names it.</param>
    /// <param name="docsCitationRoot">How the offline builder cites passages (the docs folder as readers know it).</param>
    /// <param name="models">Builds a model-backed planner and builder over the tool catalog; null for the offline ones.</param>
    public static SetRunConfiguration Create(
        BuiltInToolOptions tools,
        PolicyEngine policy,
        string policyName,
        string docsCitationRoot,
        TimeProvider clock,
        Func<IToolCatalog, SetModels>? models = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var stores = new InMemoryToolStores();
        var registry = BuiltInTools.CreateRegistry(tools, stores, stores, clock);
        var runner = new ToolExecutor(registry, clock);
        if (models is null)
        {
            return new SetRunConfiguration(
                new OfflinePlanner(registry),
                new OfflineResponseBuilder(docsCitationRoot),
                registry,
                runner,
                policy,
                new SetConfiguration("offline", null, policyName, policy.Version, null));
        }

        var chosen = models(registry);
        return new SetRunConfiguration(
            chosen.Planner,
            chosen.Builder,
            registry,
            runner,
            policy,
            new SetConfiguration(chosen.Planner.Name, chosen.PromptVersion, policyName, policy.Version, chosen.Model),
            chosen.Prices);
    }
}
