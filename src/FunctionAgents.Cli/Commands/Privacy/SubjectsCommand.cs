using System.CommandLine;
using System.Globalization;
using FunctionAgents.Runtime.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Commands.Privacy;

/// <summary>
/// <c>fa subjects find --subject ID --tenant T [--admin-key K]</c>: the runs a data subject (an email, case-insensitive,
/// or a customer id) appears in, for an access request (GDPR Art. 15) or before an erasure. Needs an admin key like
/// <c>fa erase</c>. Exit 0 with one run id a line, 1 for a subject with no data, 2 without an admin key.
/// </summary>
internal static class SubjectsCommand
{
    public static Command Create(CliContext context)
    {
        var subject = new Option<string>("--subject") { Description = "The data subject: an email address (any case) or a customer id.", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "The tenant to look in.", Required = true };
        var adminKey = new Option<string?>("--admin-key") { Description = $"An admin key from {PrivacySettingNames.AdminKeys}; default the {EraseCommand.AdminKeySetting} environment variable." };
        var storage = CliOptions.Storage();
        var find = new Command("find", "List the runs a data subject appears in (erased runs included), one run id a line.")
        {
            subject, tenant, adminKey, storage,
        };
        find.SetAction(async (parse, cancellationToken) =>
        {
            _ = EraseCommand.Admin(context, parse.GetValue(adminKey), "finding a data subject");
            await using var provider = PrivacyStorage.Connect(context, parse.GetValue(storage));
            var eraser = provider.GetRequiredService<SubjectEraser>();
            var found = await PrivacyStorage.CallAsync(() => eraser.FindAsync(parse.GetValue(tenant)!, parse.GetValue(subject)!, cancellationToken));
            if (found is null)
            {
                throw new CliException(ExitCodes.Failed, $"no personal data of this subject is held for tenant {parse.GetValue(tenant)}");
            }

            await context.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Subject {found.SubjectRef[..12]}… appears in {found.RunIds.Count} run(s){(found.Erasure is { } erasure ? $"; erased at {erasure.ErasedAt:u} by {erasure.By}" : string.Empty)}"));
            foreach (var runId in found.RunIds)
            {
                await context.Output.WriteLineAsync(runId);
            }

            return ExitCodes.Ok;
        });
        return new Command("subjects", "Data subjects (personal data): find the runs a person appears in.") { find };
    }
}
