using System.CommandLine;
using System.Globalization;
using FunctionAgents.Runtime.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Commands.Privacy;

/// <summary>
/// <c>fa erase --subject ID --tenant T [--admin-key K]</c>: crypto-shreds a data subject (destroys its data keys and
/// records the erasure). Needs an admin key listed in <c>FA_ADMIN_KEYS</c> (from <c>--admin-key</c> or <c>FA_ADMIN_KEY</c>).
/// Exit 0 when erased or already erased, 1 for a subject with no data, 2 without an admin key.
/// </summary>
internal static class EraseCommand
{
    /// <summary>The environment variable the admin key may come from instead of <c>--admin-key</c>.</summary>
    public const string AdminKeySetting = "FA_ADMIN_KEY";

    public static Command Create(CliContext context)
    {
        var subject = new Option<string>("--subject") { Description = "The data subject: a customer id or email address, as the runs named it.", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "The tenant whose subject to erase.", Required = true };
        var adminKey = new Option<string?>("--admin-key") { Description = $"An admin key from {PrivacySettingNames.AdminKeys}; default the {AdminKeySetting} environment variable." };
        var storage = CliOptions.Storage();
        var erase = new Command("erase", "Erase a data subject's personal data from every run (crypto-shredding): the journal keeps its ciphertext and still verifies; readers show [erased].")
        {
            subject, tenant, adminKey, storage,
        };
        erase.SetAction(async (parse, cancellationToken) =>
        {
            var admin = Admin(context, parse.GetValue(adminKey), "erasing");
            await using var provider = PrivacyStorage.Connect(context, parse.GetValue(storage));
            var eraser = provider.GetRequiredService<SubjectEraser>();
            var outcome = await PrivacyStorage.CallAsync(() => eraser.EraseAsync(parse.GetValue(tenant)!, parse.GetValue(subject)!, "admin:" + admin, cancellationToken));
            if (outcome.Record is not { } record)
            {
                throw new CliException(ExitCodes.Failed, $"no personal data of this subject is held for tenant {parse.GetValue(tenant)}");
            }

            var verb = outcome.Status == ErasureStatus.Erased ? "erased" : "already erased";
            await context.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Subject {record.SubjectRef[..12]}… {verb} at {record.ErasedAt:u} by {record.By}: {record.KeysDestroyed} key(s) destroyed, {record.RunIds.Count} run(s) now read [erased]: {string.Join(", ", record.RunIds)}"));
            return ExitCodes.Ok;
        });
        return erase;
    }

    /// <summary>The name of the admin key given by <paramref name="given"/> or <see cref="AdminKeySetting"/>; exit 2 without one.</summary>
    public static string Admin(CliContext context, string? given, string what)
    {
        AdminKeyRing admins;
        try
        {
            admins = AdminKeyRing.Parse(context.GetSetting(PrivacySettingNames.AdminKeys));
        }
        catch (FormatException ex)
        {
            throw CliException.Usage(ex.Message, ex);
        }

        return admins.FindAdmin(given ?? context.GetSetting(AdminKeySetting))
            ?? throw CliException.Usage($"{what} needs an admin key listed in {PrivacySettingNames.AdminKeys} (--admin-key or {AdminKeySetting})");
    }
}
