using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Host.Hosting;

/// <summary>
/// Runs before the workers: creates every table and queue, and builds the policy, the tools and the planner so
/// that a bad setting fails the start with its reason instead of the first run.
/// </summary>
internal sealed class StorageStartupService : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly StartupReport _report;
    private readonly ILogger _logger;

    public StorageStartupService(IServiceProvider services, StartupReport report, ILogger<StorageStartupService> logger)
    {
        _services = services;
        _report = report;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = _services.GetRequiredService<FunctionAgentsStorage>();
        var connection = _services.GetRequiredService<StorageClients>();
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            if (_services.GetService<ForensicsStorage>() is { } forensics)
            {
                await forensics.EnsureCreatedAsync(cancellationToken);
            }
        }
        catch (StorageException ex)
        {
            throw new StartupFailedException($"storage ({connection.TableEndpoint}, {connection.QueueEndpoint}) is not usable: {ex.Message}", ex);
        }

        var described = connection.ToString();
        Log.StorageReady(_logger, described, storage.Tables.Count);
        try
        {
            var policy = _services.GetRequiredService<IPolicyEvaluator>();
            var tools = _services.GetRequiredService<IToolCatalog>();
            var planner = _services.GetRequiredService<IPlanner>();
            var responses = _services.GetRequiredService<IResponseBuilder>();
            var toolNames = string.Join(", ", tools.All.Select(t => t.Name));
            Log.RuntimeReady(_logger, planner.Name, responses.Name, toolNames, policy.Version);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or ArgumentException or PolicyLoadException)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        if (_report.GeneratedApiKey is { } entry)
        {
            Log.GeneratedKey(_logger, entry[..entry.IndexOf(':', StringComparison.Ordinal)], entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What the builder decided that the started host reports.</summary>
/// <param name="GeneratedApiKey">The <c>dev:key</c> entry generated because no key was configured (Development only).</param>
internal sealed record StartupReport(string? GeneratedApiKey);
