using System.CommandLine;
using FunctionAgents.Cli.Output;
using FunctionAgents.Cli.Policy;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Runtime.Policy;

namespace FunctionAgents.Cli.Commands;

/// <summary><c>fa policy check FILE</c> and <c>fa policy test FILE --cases CASES.yaml</c>.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Command("policy", "Check a policy file, or test it against expected decisions.");

        var checkFile = new Argument<string>("file") { Description = "The policy YAML file." };
        var check = new Command("check", "Load a policy and list every problem with its line; exit 1 when it is refused.") { checkFile };
        check.SetAction((parse, _) => Task.FromResult(Check(context, parse.GetRequiredValue(checkFile))));
        policy.Subcommands.Add(check);

        var testFile = new Argument<string>("file") { Description = "The policy YAML file." };
        var cases = new Option<string>("--cases") { Description = "The cases YAML file (see samples/policies/default.cases.yaml).", Required = true };
        var test = new Command("test", "Decide every case with the policy; exit 1 on any mismatch.") { testFile, cases };
        test.SetAction((parse, _) => Task.FromResult(Test(context, parse.GetRequiredValue(testFile), parse.GetRequiredValue(cases))));
        policy.Subcommands.Add(test);
        return policy;
    }

    private static int Check(CliContext context, string file)
    {
        var path = context.ExistingFile(file, "policy file");
        PolicyEngine engine;
        try
        {
            engine = PolicyLoader.Load(File.ReadAllText(path), file);
        }
        catch (PolicyLoadException ex)
        {
            context.Error.WriteLine($"{file}: refused ({ex.Errors.Count} problem{(ex.Errors.Count == 1 ? string.Empty : "s")})");
            foreach (var error in ex.Errors)
            {
                context.Error.WriteLine($"{file}:{error.Line}:{error.Column}: {error.Message}");
            }

            return ExitCodes.Failed;
        }

        context.Output.WriteLine(
            $"{file}: ok, {engine.Rules.Count} rule(s), default {PolicyCaseFile.ActionText(engine.DefaultAction)}, version {engine.Version}");
        return ExitCodes.Ok;
    }

    private static int Test(CliContext context, string file, string casesFile)
    {
        var path = context.ExistingFile(file, "policy file");
        var casesPath = context.ExistingFile(casesFile, "cases file");
        PolicyEngine engine;
        try
        {
            engine = PolicyLoader.Load(File.ReadAllText(path), file);
        }
        catch (PolicyLoadException ex)
        {
            throw new CliException(ExitCodes.Failed, $"{file} was refused: {string.Join("; ", ex.Errors.Select(e => $"line {e.Line}: {e.Message}"))}");
        }

        var cases = PolicyCaseFile.Read(File.ReadAllText(casesPath), casesFile);
        var rows = new List<IReadOnlyList<string>>();
        var mismatches = 0;
        foreach (var c in cases)
        {
            var decision = engine.Evaluate(c.Tool, c.Input, c.Metrics);
            var ok = decision.Action == c.Expect;
            mismatches += ok ? 0 : 1;
            rows.Add([
                c.Name,
                c.Tool,
                PolicyCaseFile.ActionText(c.Expect),
                PolicyCaseFile.ActionText(decision.Action),
                ok ? "ok" : "MISMATCH",
                decision.Matches.Count == 0 ? "(default)" : string.Join(",", decision.Matches.Select(m => m.Name)),
            ]);
        }

        TextTable.Write(context.Output, ["case", "tool", "expected", "actual", "result", "rules"], rows);
        context.Output.WriteLine($"{cases.Count} case(s), {mismatches} mismatch(es); policy {file} version {engine.Version}");
        return mismatches == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
