using FunctionAgents.Azure.Content;
using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Evaluation.Sets;
using FunctionAgents.Runtime.Policy;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Runtime.Tools.Sql;

namespace FunctionAgents.Cli.Evaluation;

/// <summary>
/// What <c>fa eval run</c> runs a set with, as the local host wires it: the built-in tools over FA_DOCS_PATH (default
/// samples/docs) and the sample shop database, the policy (<c>--policy</c>, FA_POLICY_PATH, else the default policy),
/// and the offline planner and builder, or the Azure OpenAI ones when a prompt or model is asked for.
/// </summary>
internal static class SetRunSetup
{
    public static EvaluationSet LoadSet(CliContext context, string file)
    {
        var path = context.ExistingFile(file, "dataset");
        try
        {
            return EvaluationSetLoader.Load(File.ReadAllText(path), file);
        }
        catch (EvaluationSetException ex)
        {
            throw CliException.Usage($"dataset {ex.Message}", ex);
        }
    }

    /// <param name="prompt">A planning prompt version: the Azure OpenAI planner runs with it.</param>
    /// <param name="model">A deployment: the Azure OpenAI planner and builder run on it.</param>
    public static SetRunConfiguration Create(CliContext context, string policyFile, string? prompt, string? model)
    {
        var docs = context.GetSetting(ContentSettings.DocsPathSetting) ?? ContentSettings.DefaultDocsPath;
        var database = Path.Combine(Path.GetTempPath(), "functionagents-fa", "shop.db");
        var script = Locate(context, "samples/shop/shop.sql");
        if (!File.Exists(script))
        {
            throw CliException.Usage($"the sample shop script '{script}' does not exist: run fa eval run from a clone of the repository");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        SampleShopDatabase.EnsureCreated(script, database);
        var tools = new BuiltInToolOptions(Locate(context, docs), database);
        var policy = LoadPolicy(context, policyFile);
        Func<Domain.Tools.IToolCatalog, SetModels>? models = prompt is null && model is null
            ? null
            : catalog =>
            {
                var (planner, builder, prices) = LiveModels.Create(context, catalog, prompt, model);
                return new SetModels(planner, builder, prices, prompt, model);
            };
        return BuiltInSetRuns.Create(tools, policy, policyFile, docs, TimeProvider.System, models);
    }

    /// <summary>A path under the working directory (or its clone), else under the clone <c>fa</c> was built in.</summary>
    private static string Locate(CliContext context, string path)
    {
        var resolved = ContentPaths.Resolve(context.WorkingDirectory, path);
        return File.Exists(resolved) || Directory.Exists(resolved) || ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory) is not { } clone
            ? resolved
            : ContentPaths.Resolve(clone, path);
    }

    private static PolicyEngine LoadPolicy(CliContext context, string file)
    {
        var path = Locate(context, file);
        if (!File.Exists(path))
        {
            throw CliException.Usage($"policy '{file}' does not exist");
        }

        try
        {
            return PolicyLoader.Load(File.ReadAllText(path), file);
        }
        catch (PolicyLoadException ex)
        {
            throw CliException.Usage($"policy {file} was refused: {string.Join("; ", ex.Errors.Select(e => $"line {e.Line}: {e.Message}"))}", ex);
        }
    }
}
