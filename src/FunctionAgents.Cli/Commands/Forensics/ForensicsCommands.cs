using System.CommandLine;
using FunctionAgents.Domain.Forensics.Invariants;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>
/// The forensic verbs: <c>fa runs explain | why</c> and <c>fa runs show --at</c> on the existing <c>runs</c> verb, and
/// <c>fa audit</c>, <c>fa verify</c>, <c>fa bisect</c>, <c>fa purge</c>, <c>fa keys</c>, <c>fa export</c> at the root.
/// </summary>
internal static class ForensicsCommands
{
    /// <summary>Adds the verbs to <paramref name="root"/>; call after the <c>runs</c> verb is added.</summary>
    public static void AddTo(RootCommand root, CliContext context, InvariantRegistry? invariants = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.Subcommands.FirstOrDefault(c => c.Name == "runs") is { } runs)
        {
            runs.Subcommands.Add(ExplainCommand.Create(context));
            runs.Subcommands.Add(WhyCommand.Create(context));
            if (runs.Subcommands.FirstOrDefault(c => c.Name == "show") is { } show)
            {
                ShowAtOption.AddTo(show, context);
            }
        }

        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(BisectCommand.Create(context, invariants ?? InvariantRegistry.CreateDefault()));
        root.Subcommands.Add(PurgeCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
    }
}
