using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Forensics.Retention;

namespace FunctionAgents.Azure.DependencyInjection;

/// <summary>
/// What differs between the callers of <see cref="FunctionAgentsServiceCollectionExtensions.AddFunctionAgents"/>: which
/// parts are on (the CLI reads, so it leaves the runtime, evaluation and memory off) and the few knobs each host sets.
/// The defaults are the deployed Functions app's.
/// </summary>
public sealed class FunctionAgentsOptions
{
    /// <summary>The runtime (<c>AddFunctionAgentsCore</c>): tools, policy, planner, step runner, commands, sweeper, intake.</summary>
    public bool Runtime { get; set; } = true;

    /// <summary>Evaluations (<c>AddFunctionAgentsEvaluation</c>); needs <see cref="Runtime"/>.</summary>
    public bool Evaluation { get; set; } = true;

    /// <summary>Forensics (<c>AddFunctionAgentsForensics</c>): audit log, chain checkpoints, retention and purger.</summary>
    public bool Forensics { get; set; } = true;

    /// <summary>
    /// The retention policy; <c>null</c> reads <c>FA_MIN_RETENTION_DAYS</c> through the settings (a caller that reported a
    /// malformed value itself passes the parsed policy).
    /// </summary>
    public RetentionPolicy? Retention { get; set; }

    /// <summary>
    /// Personal-data protection (<c>AddFunctionAgentsPrivacy</c>); <c>FA_PRIVACY_ENABLED=false</c> still turns the
    /// protection off inside it, as before.
    /// </summary>
    public bool Privacy { get; set; } = true;

    /// <summary>
    /// Sign chain checkpoints (a host that appends); the key comes from <c>FA_CHECKPOINT_SIGNING_KEY</c>,
    /// <c>FA_CHECKPOINT_SIGNING_KEY_FILE</c> or <see cref="DefaultCheckpointKeyFile"/>. A reader (the CLI) turns it off.
    /// </summary>
    public bool SignCheckpoints { get; set; } = true;

    /// <summary>The signing key file used when no key setting is given; null: <c>checkpoint-signing-key.pem</c> in FA_DATA_PATH (or the temp folder).</summary>
    public string? DefaultCheckpointKeyFile { get; set; }

    /// <summary>The KEK file used when no KEK setting is given (the local host's data folder; the CLI's existing one).</summary>
    public string? DefaultKekFile { get; set; }

    /// <summary>A reader (the CLI): decorate the journal even without a KEK, so encrypted fields read as placeholders.</summary>
    public bool ReadOnlyPrivacy { get; set; }

    /// <summary>Options of the privacy tables' own client (a benchmark counts requests with a pipeline policy); <c>null</c> shares the deployment's.</summary>
    public TableClientOptions? PrivacyTableOptions { get; set; }

    /// <summary>Tenant memory (<c>AddFunctionAgentsMemory</c>); needs <see cref="Runtime"/> (its policy).</summary>
    public bool Memory { get; set; } = true;

    /// <summary>Options of our storage clients (the CLI retries less; a benchmark adds its request counter).</summary>
    public StorageClientOptions? StorageClientOptions { get; set; }
}
