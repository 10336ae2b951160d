using System.CommandLine;
using FunctionAgents.Azure.Content;
using FunctionAgents.Runtime.Forensics.Signing;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary><c>fa keys export-public --out FILE</c>: the configured checkpoint signing key's public key (PEM), for <c>fa verify --trust-key</c>.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Write the public key (PEM) to this file.", Required = true };
        var export = new Command(
            "export-public",
            $"Write the public key of the checkpoint signing key ({CheckpointSigningSettings.Key}, {CheckpointSigningSettings.KeyFile}, else {CheckpointSigningSettings.DefaultFileName} in FA_DATA_PATH) as PEM.")
        {
            output,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            CheckpointSigningKey? key;
            try
            {
                key = CheckpointSigningSettings.Load(
                    context.GetSetting, CheckpointSigningSettings.DefaultFile(context.GetSetting(ContentSettings.DataPathSetting)), createIfMissing: false);
            }
            catch (FormatException ex)
            {
                throw CliException.Usage(ex.Message, ex);
            }

            using (key)
            {
                if (key is null)
                {
                    throw new CliException(
                        ExitCodes.Failed,
                        $"no checkpoint signing key is configured: set {CheckpointSigningSettings.Key} or {CheckpointSigningSettings.KeyFile}, or run where the host's {CheckpointSigningSettings.DefaultFileName} is (FA_DATA_PATH)");
                }

                var path = context.FullPath(parse.GetValue(output)!);
                try
                {
                    await File.WriteAllTextAsync(path, key.PublicKeyPem, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw CliException.Usage($"cannot write {path}: {ex.Message}", ex);
                }

                await context.Output.WriteLineAsync($"public key {key.KeyId} written to {path}");
            }

            return ExitCodes.Ok;
        });
        return new Command("keys", "Checkpoint signing keys.") { export };
    }
}
