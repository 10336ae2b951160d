using FunctionAgents.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FunctionAgents.Dashboard.Tests.Support;

/// <summary>
/// One Azurite, one local host on a loopback port and one headless Chromium (Debian's, at /usr/bin/chromium) for every
/// test: the machine has two cores. Each test opens its own browser context (its own sessionStorage) and its own tenant,
/// so tests see only the runs they started. Fails loudly when Azurite or Chromium cannot start.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Tenants with their keys: one per test class, so each sees only its own runs and reports.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["runs"] = "runs-key-0123456789",
        ["approvals"] = "approvals-key-0123456789",
        ["detail"] = "detail-key-0123456789",
        ["evaluation"] = "evaluation-key-0123456789",
        ["evaluators"] = "evaluators-key-0123456789",
        ["empty"] = "empty-key-0123456789",
        ["usability"] = "usability-key-0123456789",
    };

    private readonly IMessageSink _messages;
    private AzuriteProcess? _azurite;
    private DashboardHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardFixture(IMessageSink messages) => _messages = messages;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The host has not been started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    /// <summary>Where screenshots go: <c>FA_TEST_ARTIFACTS</c>, or TestResults/dashboard beside this project (git ignores TestResults/).</summary>
    public string ArtifactsDirectory { get; } = Environment.GetEnvironmentVariable("FA_TEST_ARTIFACTS") is { Length: > 0 } configured
        ? Path.Combine(configured, "dashboard")
        : Path.Combine(ProjectDirectory(), "TestResults", "dashboard");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/ensure-chromium.sh (apt-get install chromium). Playwright's own download is never used.");
        }

        _azurite = await AzuriteProcess.StartAsync();
        _host = new DashboardHost(_azurite.ConnectionString, string.Join(',', Keys.Select(k => $"{k.Key}:{k.Value}")));
        _host.Start();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This network refuses Chromium's own background connections (updates, sync, field trials); they are off.
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        Directory.CreateDirectory(ArtifactsDirectory);
        _messages.OnMessage(new DiagnosticMessage($"Dashboard tests: Chromium {_browser.Version} at {ChromiumPath}; host at {_host.BaseAddress}; screenshots in {ArtifactsDirectory}"));
        Console.WriteLine($"Dashboard tests: Chromium {_browser.Version}");
    }

    /// <summary>A fresh browser context and page at 1280×800 that records every request it makes.</summary>
    public Task<DashboardSession> OpenAsync(string tenant) => DashboardSession.OpenAsync(this, tenant);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionAgents.Dashboard.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
