using Azure.Core;
using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The services of the Durable benchmarks wired as the local host wires them: storage, core (offline planner, built-in
/// tools, default policy), forensics (audit log and chain checkpoints as projections) and, unless turned off, personal-data
/// protection. Every storage client of ours (journal, run index, projections, key store, tool side effects) carries
/// <paramref name="counter"/>; DTFx's own clients do not.
/// </summary>
internal static class DurableWiring
{
    public static async Task<ServiceProvider> BuildAsync(string connectionString, RequestCountingPolicy counter, bool privacy, CancellationToken cancellationToken)
    {
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the benchmark from a clone of the repository (samples/ is needed).");
        var values = new Dictionary<string, string?>
        {
            [StorageSettings.ConnectionSetting] = connectionString,
            [StorageSettings.PrefixSetting] = "bench",
            [ContentSettings.DataPathSetting] = Path.Combine(Path.GetTempPath(), "functionagents-bench"),
            [PrivacySettingNames.Kek] = KeyEncryptionKey.NewBase64(),
        };
        string? Get(string name) => values.GetValueOrDefault(name);
        var settings = FunctionAgentsSettings.FromSettings(Get);
        var options = new StorageClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddFunctionAgents(settings, Get, root, o => BenchmarkWiring.Configure(o, options, counter, privacy, forensics: true));
        services.AddSingleton<ManualScheduling>();
        services.AddSingleton<IRunOrchestrations>(sp => sp.GetRequiredService<ManualScheduling>());

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<FunctionAgentsStorage>().EnsureCreatedAsync(cancellationToken);
        await provider.GetRequiredService<ForensicsStorage>().EnsureCreatedAsync(cancellationToken);
        return provider;
    }

    /// <summary>
    /// The step runner as the hosts register it: the one appender, with personal-data protection when privacy is on, feeding
    /// every registered projection (run index first, then audit and checkpoints).
    /// </summary>
    public static StepRunner Runner(IServiceProvider services) => services.GetRequiredService<StepRunner>();

    /// <summary>The projections the runner feeds after the run index, by type name.</summary>
    public static string ProjectionNames(IServiceProvider services) =>
        string.Join(", ", ["RunIndexProjection", .. services.GetServices<IJournalProjection>().Select(p => p.GetType().Name)]);
}
