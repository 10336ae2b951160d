using System.CommandLine;
using System.Globalization;
using FunctionAgents.Azure.Content;
using FunctionAgents.Cli.Telemetry;
using FunctionAgents.Runtime.Forensics.Signing;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>
/// <c>fa export --run ID --out FILE</c>: the run's evidence file (events and checkpoints exactly as stored, with their
/// signatures and key ids), verifiable offline with <c>fa verify --file</c> or in any language (docs/forensics.md).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "The run to export.", Required = true };
        var output = new Option<string>("--out") { Description = "The evidence file to write (JSON).", Required = true };
        var storage = CliOptions.Storage();
        var export = new Command("export", "Write a run's evidence file: its events and chain checkpoints exactly as stored, with signatures and key ids.")
        {
            run, output, storage,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            using var trace = CliTrace.Start(context, "fa.cli.export");
            var runId = parse.GetValue(run)!;
            var path = context.FullPath(parse.GetValue(output)!);
            await using var source = await ForensicsSource.OpenAsync(context, null, parse.GetValue(storage), cancellationToken);
            var keys = PublicKeys(context);
            var tempPath = path + ".partial";
            (int Events, int Checkpoints) written;
            try
            {
                await using (var file = File.Create(tempPath))
                {
                    written = await source.CallAsync(() => source.Evidence!.WriteAsync(runId, file, DateTimeOffset.UtcNow, keys, cancellationToken));
                }

                if (written.Events == 0)
                {
                    File.Delete(tempPath);
                    throw new CliException(ExitCodes.Failed, $"run {runId} has no events in {source.Description}");
                }

                File.Move(tempPath, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CliException.Usage($"cannot write {path}: {ex.Message}", ex);
            }

            await context.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{runId}: {written.Events} event(s), {written.Checkpoints} checkpoint(s) written to {path}"));
            return trace.Finish(ExitCodes.Ok);
        });
        return export;
    }

    /// <summary>The configured signing key's public half, when this machine has it (a convenience copy; verifiers trust only their own keys).</summary>
    private static List<(string, string)> PublicKeys(CliContext context)
    {
        try
        {
            using var key = CheckpointSigningSettings.Load(
                context.GetSetting, CheckpointSigningSettings.DefaultFile(context.GetSetting(ContentSettings.DataPathSetting)), createIfMissing: false);
            return key is null ? [] : [(key.KeyId, key.PublicKeyPem)];
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
