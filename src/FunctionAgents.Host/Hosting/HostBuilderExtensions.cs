using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Memory;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Host.Azurite;
using FunctionAgents.Host.Demo;
using FunctionAgents.Host.Scheduling;
using FunctionAgents.Host.Telemetry;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Dashboard;
using FunctionAgents.Http.Endpoints;
using FunctionAgents.Http.Evaluations;
using FunctionAgents.Http.Forensics;
using FunctionAgents.Http.Privacy;
using FunctionAgents.Mcp.Server;
using FunctionAgents.Mcp;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Hosting;

namespace FunctionAgents.Host.Hosting;

/// <summary>All of the local host's wiring, so Program.cs stays a few lines.</summary>
internal static class HostBuilderExtensions
{
    private const string CannotStart = "FunctionAgents.Host cannot start: ";

    /// <summary>
    /// Reads the settings and registers storage, the runtime, the HTTP API and the background services.
    /// Returns false, having written the one-line reason to stderr, when a setting is unusable.
    /// </summary>
    public static bool TryAddFunctionAgentsHost(this WebApplicationBuilder builder, HostCommandLine commandLine)
    {
        try
        {
            AddFunctionAgentsHost(builder, commandLine);
            return true;
        }
        catch (StartupFailedException ex)
        {
            Console.Error.WriteLine(CannotStart + ex.Message);
            return false;
        }
    }

    private static void AddFunctionAgentsHost(WebApplicationBuilder builder, HostCommandLine commandLine)
    {
        var configuration = builder.Configuration;
        LocalSettingsFile.AddTo(configuration, builder.Environment.ContentRootPath);
        if (commandLine.Demo)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            configuration[DemoRunner.KeySetting] = DemoRunner.NewKey();
            configuration[SettingNames.ApiKeys] = string.Join(
                ',', new[] { configuration[SettingNames.ApiKeys], $"{DemoRunner.Tenant}:{configuration[DemoRunner.KeySetting]}" }.Where(s => !string.IsNullOrWhiteSpace(s)));
            builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("FunctionAgents.Host", LogLevel.Information);
        }

        FunctionAgentsSettings settings;
        ApiKeyRing keys;
        try
        {
            settings = FunctionAgentsSettings.FromSettings(name => configuration[name]);
            keys = ApiKeyRing.Parse(settings.ApiKeys);
        }
        catch (FormatException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        string? generatedKey = null;
        if (keys.IsEmpty)
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new StartupFailedException(
                    $"{SettingNames.ApiKeys} is not set: set it to tenant:key pairs separated by commas (only Development generates a key).");
            }

            generatedKey = ApiKeyRing.GenerateEntry("dev");
            keys = ApiKeyRing.Parse(generatedKey);
        }

        var services = builder.Services;
        try
        {
            services.AddFunctionAgentsStorage(settings, name => configuration[name]);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new StartupFailedException($"{SettingNames.Storage}: {ex.Message}", ex);
        }

        try
        {
            services.AddFunctionAgentsCore(settings, builder.Environment.ContentRootPath, name => configuration[name]);
        }
        catch (FormatException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        try
        {
            services.AddFunctionAgentsMcpTools(name => configuration[name], builder.Environment.ContentRootPath);
        }
        catch (FormatException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        services.AddFunctionAgentsEvaluation(settings);
        try
        {
            services.AddFunctionAgentsForensics(RetentionSettings.FromSetting(configuration[RetentionSettings.MinimumRetentionDays]));
        }
        catch (FormatException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        try
        {
            // Personal data is encrypted per data subject and memory is opt-in (docs/privacy.md); locally the KEK defaults to a file in the data folder.
            services.AddFunctionAgentsPrivacy(settings, name => configuration[name], LocalKekFile.PathFor(settings));
            services.AddFunctionAgentsPrivacyHttp(name => configuration[name]);
            services.AddFunctionAgentsMemory(settings, name => configuration[name], PrivacyServiceCollectionExtensions.TableServicesFor(settings, name => configuration[name]));
        }
        catch (FormatException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        services.AddSingleton(new AzuriteLauncherOptions(settings.Storage, builder.Environment.ContentRootPath));
        services.AddHostedService<AzuriteLauncher>();
        services.AddSingleton(new StartupReport(generatedKey));
        services.AddHostedService<StorageStartupService>();
        services.AddLocalTaskHub(settings);
        services.AddFunctionAgentsHttp(keys);
        services.AddFunctionAgentsHostTelemetry(configuration);
        services.AddFunctionAgentsEvaluationsHttp();
        services.AddFunctionAgentsForensicsHttp();
        services.AddFunctionAgentsDashboard();
        services.AddFunctionAgentsMcpServer();
        services.AddHostedService<AgentRunsQueueService>();
        services.AddHostedService<RunSweeperService>();
        services.AddSingleton<IScheduleMonitor, TableScheduleMonitor>();
        services.AddHostedService<ScheduledJobService>();
    }

    /// <summary>Runs the host (or, with <c>--demo</c>, the demo against it); a startup failure is one line on stderr and exit code 1.</summary>
    public static async Task<int> RunFunctionAgentsAsync(this WebApplication app, HostCommandLine commandLine)
    {
        try
        {
            if (!commandLine.Demo)
            {
                await app.RunAsync();
                return 0;
            }

            await app.StartAsync();
            try
            {
                return await DemoRunner.RunAsync(app);
            }
            finally
            {
                await app.StopAsync();
            }
        }
        catch (StartupFailedException ex)
        {
            await Console.Error.WriteLineAsync(CannotStart + ex.Message);
            return 1;
        }
        catch (PrivacyKeyUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(CannotStart + ex.Message);
            return 1;
        }
    }
}

/// <summary>The host's own switches, taken out of the arguments before ASP.NET Core reads the rest as configuration.</summary>
/// <param name="Demo"><c>--demo</c>: start on a free loopback port, run the demo client against it, exit.</param>
internal sealed record HostCommandLine(bool Demo, string[] HostArgs)
{
    public const string DemoSwitch = "--demo";

    public static HostCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains(DemoSwitch, StringComparer.Ordinal);
        return new HostCommandLine(demo, [.. args.Where(a => !string.Equals(a, DemoSwitch, StringComparison.Ordinal))]);
    }
}
