using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.DependencyInjection;

/// <summary>
/// The settings every host needs before it wires anything, one options type per concern, read once at startup so a
/// bad value stops the host before it serves. Each concern's type owns its setting names and defaults; the settings
/// of optional features (privacy, memory, models, telemetry) are read by the feature's own wiring.
/// </summary>
public sealed record FunctionAgentsSettings
{
    public StorageSettings Storage { get; init; } = new();

    public ContentSettings Content { get; init; } = new();

    public RunTimingSettings Runs { get; init; } = new();

    public RunStateCacheSettings RunStateCache { get; init; } = new();

    public NightlyEvaluationSettings Nightly { get; init; } = new();

    /// <summary>Reads every concern through <paramref name="getSetting"/> (null or blank means "not set": the default applies).</summary>
    /// <exception cref="FormatException">A setting is malformed; the message names it.</exception>
    public static FunctionAgentsSettings FromSettings(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        return new FunctionAgentsSettings
        {
            Storage = StorageSettings.FromSettings(getSetting),
            Content = ContentSettings.FromSettings(getSetting),
            Runs = RunTimingSettings.FromSettings(getSetting),
            RunStateCache = RunStateCacheSettings.FromSettings(getSetting),
            Nightly = NightlyEvaluationSettings.FromSettings(getSetting),
        };
    }
}
