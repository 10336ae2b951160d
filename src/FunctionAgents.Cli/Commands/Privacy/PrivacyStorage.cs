using Azure;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Cli.Storage;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Cli.Commands.Privacy;

/// <summary>The deployment's erasure components (key store, erasure log, eraser), connected like <c>fa audit</c> connects.</summary>
internal static class PrivacyStorage
{
    public static ServiceProvider Connect(CliContext context, string? storage)
    {
        try
        {
            var settings = FunctionAgentsSettings.FromSettings(context.GetSetting);
            settings = storage is null ? settings : settings with { Storage = settings.Storage with { Connection = storage } };
            return CliStorage.Services(context, settings).BuildServiceProvider();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            throw CliException.Usage($"storage is not configured: {ex.Message}", ex);
        }
    }

    /// <summary>Runs a storage call; an unreachable store becomes one line (exit 1).</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RequestFailedException or KeyStoreUnavailableException or StorageException or AggregateException)
        {
            throw new CliException(ExitCodes.Failed, $"the privacy tables are unreachable or refused the request: {ex.Message}", ex);
        }
    }
}
