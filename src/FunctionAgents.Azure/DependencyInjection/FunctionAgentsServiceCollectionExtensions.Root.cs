using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Memory;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Forensics.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Azure.DependencyInjection;

public static partial class FunctionAgentsServiceCollectionExtensions
{
    /// <summary>
    /// The composition root every host calls (the local host, the Functions app, the CLI, the benchmarks): storage, then
    /// the runtime, evaluation, forensics, personal-data protection and memory, in that order (privacy decorates the
    /// journal, projections and run index registered before it; memory's eraser hook and writer come after it). Each
    /// host then adds only its own bindings: the HTTP API (<c>AddFunctionAgentsApi</c>), its engine
    /// (<c>IRunOrchestrations</c>), hosted services and telemetry. <paramref name="configure"/> sets what differs
    /// (<see cref="FunctionAgentsOptions"/>).
    /// </summary>
    /// <exception cref="StorageSettingsException">The storage settings cannot make a client.</exception>
    /// <exception cref="FormatException">Another setting is malformed; the message names it.</exception>
    public static IServiceCollection AddFunctionAgents(
        this IServiceCollection services,
        FunctionAgentsSettings settings,
        Func<string, string?> getSetting,
        string contentRoot,
        Action<FunctionAgentsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(getSetting);
        var options = new FunctionAgentsOptions();
        configure?.Invoke(options);

        try
        {
            services.AddFunctionAgentsStorage(settings, getSetting, options.StorageClientOptions);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new StorageSettingsException(ex.Message, ex);
        }

        if (options.Runtime)
        {
            services.AddFunctionAgentsCore(settings, contentRoot, getSetting);
        }

        if (options.Evaluation)
        {
            services.AddFunctionAgentsEvaluation(settings, getSetting);
        }

        if (options.Forensics)
        {
            // Checkpoints are signed with a key held outside the storage account (docs/forensics.md); a key that cannot be
            // read stops the host here (FormatException, one line naming the setting or file), never an unsigned write.
            var signer = options.SignCheckpoints
                ? CheckpointSigningSettings.Load(getSetting, options.DefaultCheckpointKeyFile ?? CheckpointSigningSettings.DefaultFile(settings.Content.DataPath))
                : null;
            services.AddFunctionAgentsForensics(
                options.Retention ?? RetentionSettings.FromSetting(getSetting(RetentionSettings.MinimumRetentionDays)),
                signer,
                options.SignCheckpoints ? CheckpointSigningSettings.TrustKeyFiles(getSetting) : null,
                CheckpointSigningSettings.ReadEvery(getSetting));
        }

        if (options.Privacy)
        {
            // Personal data is encrypted per data subject (docs/privacy.md); locally the KEK defaults to a file in the data folder.
            services.AddFunctionAgentsPrivacy(settings, getSetting, options.DefaultKekFile, options.ReadOnlyPrivacy, options.PrivacyTableOptions);
        }

        if (options.Memory)
        {
            services.AddFunctionAgentsMemory(settings, getSetting, PrivacyServiceCollectionExtensions.TableServicesFor(settings, getSetting));
        }

        return services;
    }
}
