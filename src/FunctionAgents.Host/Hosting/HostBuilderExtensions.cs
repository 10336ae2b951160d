using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Host.Azurite;
using FunctionAgents.Host.Demo;
using FunctionAgents.Host.Scheduling;
using FunctionAgents.Host.Telemetry;
using FunctionAgents.Http.Auth;
using FunctionAgents.Mcp;

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
            configuration[ApiKeyRing.Setting] = string.Join(
                ',', new[] { configuration[ApiKeyRing.Setting], $"{DemoRunner.Tenant}:{configuration[DemoRunner.KeySetting]}" }.Where(s => !string.IsNullOrWhiteSpace(s)));
            builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("FunctionAgents.Host", LogLevel.Information);
        }

        FunctionAgentsSettings settings;
        ApiKeyRing keys;
        try
        {
            settings = FunctionAgentsSettings.FromSettings(name => configuration[name]);
            keys = ApiKeyRing.FromSettings(name => configuration[name]);
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
                    $"{ApiKeyRing.Setting} is not set: set it to tenant:key pairs separated by commas (only Development generates a key).");
            }

            generatedKey = ApiKeyRing.GenerateEntry("dev");
            keys = ApiKeyRing.Parse(generatedKey);
        }

        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        try
        {
            // The shared root (storage, runtime, evaluation, forensics, privacy, memory), then the API both hosts serve;
            // locally the KEK defaults to a file in the data folder (docs/privacy.md).
            services.AddFunctionAgents(settings, name => configuration[name], contentRoot, o => o.DefaultKekFile = LocalKekFile.PathFor(settings));
            services.AddFunctionAgentsApi(keys, name => configuration[name], contentRoot);
        }
        catch (StorageSettingsException ex)
        {
            throw new StartupFailedException($"{StorageSettings.ConnectionSetting}: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        // The local host's own bindings: Azurite, its startup checks, the local Durable task hub, telemetry and the
        // background services the Functions app has triggers for.
        services.AddSingleton(new AzuriteLauncherOptions(settings.Storage.Connection, contentRoot));
        services.AddHostedService<AzuriteLauncher>();
        services.AddSingleton(new StartupReport(generatedKey));
        services.AddHostedService<StorageStartupService>();
        try
        {
            services.AddLocalTaskHub(settings, name => configuration[name]);
        }
        catch (FormatException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }

        services.AddFunctionAgentsHostTelemetry(configuration);
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
            ShutdownGuard.Arm(app.Lifetime, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout);
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
