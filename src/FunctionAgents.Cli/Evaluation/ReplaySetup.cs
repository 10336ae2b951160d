using FunctionAgents.Azure.Content;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Policy;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Cli.Evaluation;

/// <summary>
/// The replay configuration of <c>fa eval replay</c>: the built-in tool registry (for plan validation only), the current
/// policy (<c>--policy</c>, else FA_POLICY_PATH, else samples/policies/default.yaml) or a candidate, and in live mode
/// the Azure OpenAI planner and builder.
/// </summary>
internal static class ReplaySetup
{
    public static ReplayConfiguration Create(
        CliContext context, string? policyFile, string? candidatePolicyFile, ReplayMode mode, string? candidatePrompt)
    {
        var tools = BuiltInTools.CreateRegistry(
            new BuiltInToolOptions(
                Resolve(context, context.GetSetting(ContentSettings.DocsPathSetting) ?? ContentSettings.DefaultDocsPath),
                Path.Combine(Path.GetTempPath(), "functionagents-fa", "shop.db")),
            new RefusingToolStores(),
            new RefusingToolStores(),
            TimeProvider.System);
        var candidate = candidatePolicyFile is not null;
        var policy = LoadPolicy(
            context,
            candidatePolicyFile ?? policyFile ?? context.GetSetting(ContentSettings.PolicyPathSetting) ?? ContentSettings.DefaultPolicyPath,
            candidate ? "candidate policy" : "policy");
        if (mode == ReplayMode.Recorded)
        {
            return new ReplayConfiguration(tools, policy, CandidatePromptVersion: candidatePrompt, CandidatePolicy: candidate);
        }

        var (planner, builder, prices) = LiveModels.Create(context, tools, candidatePrompt);
        return new ReplayConfiguration(tools, policy, prices, ReplayMode.Live, planner, builder, candidatePrompt, candidate);
    }

    private static PolicyEngine LoadPolicy(CliContext context, string file, string what)
    {
        var path = Resolve(context, file);
        if (!File.Exists(path))
        {
            throw CliException.Usage($"{what} '{file}' does not exist");
        }

        try
        {
            return PolicyLoader.Load(File.ReadAllText(path), file);
        }
        catch (PolicyLoadException ex)
        {
            throw CliException.Usage($"{what} {file} was refused: {string.Join("; ", ex.Errors.Select(e => $"line {e.Line}: {e.Message}"))}", ex);
        }
    }

    private static string Resolve(CliContext context, string path) => ContentPaths.Resolve(context.WorkingDirectory, path);
}
