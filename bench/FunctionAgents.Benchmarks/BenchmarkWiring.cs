using Azure.Core;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// The benchmarks' options of the composition root (<c>AddFunctionAgents</c>): the runtime on, every storage client of
/// ours (and the privacy tables' own client) carrying the request counter, no evaluation or memory, forensics and
/// privacy as the benchmark asks.
/// </summary>
internal static class BenchmarkWiring
{
    public static void Configure(FunctionAgentsOptions options, StorageClientOptions storage, RequestCountingPolicy counter, bool privacy, bool forensics)
    {
        options.StorageClientOptions = storage;
        options.Evaluation = false;
        options.Forensics = forensics;
        options.Privacy = privacy;
        options.Memory = false;
        if (privacy)
        {
            var tableOptions = new global::Azure.Data.Tables.TableClientOptions();
            tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            options.PrivacyTableOptions = tableOptions;
        }
    }
}
