using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace FunctionAgents.Dashboard.Tests.Support;

/// <summary>
/// One browser context (its own sessionStorage) and page, signed in as one tenant. Every request the page makes is
/// recorded; one to anything but the host's loopback address is aborted and recorded, and <see cref="AssertStayedOnLoopback"/> fails on it.
/// </summary>
public sealed class DashboardSession : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly DashboardFixture _fixture;
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _offHost = new();
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();

    private DashboardSession(DashboardFixture fixture, IBrowserContext context, IPage page, string tenant)
    {
        _fixture = fixture;
        _context = context;
        Page = page;
        Tenant = tenant;
    }

    public IPage Page { get; }

    public string Tenant { get; }

    public string Key => DashboardFixture.Keys[Tenant];

    public Uri DashboardUri => new(_fixture.Host.BaseAddress, "dashboard/");

    /// <summary>Every URL the page requested, in order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Every console error the page logged (a CSP refusal is one).</summary>
    public IReadOnlyCollection<string> ConsoleErrors => _consoleErrors;

    public static async Task<DashboardSession> OpenAsync(DashboardFixture fixture, string tenant)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Desktop, Locale = "en-US", TimezoneId = "UTC" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var session = new DashboardSession(fixture, context, page, tenant);
        var host = fixture.Host.BaseAddress;
        page.Request += (_, request) => session._requests.Enqueue(request.Url);
        page.PageError += (_, error) => session._pageErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session._consoleErrors.Enqueue(message.Text);
            }
        };
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" or "about" || (url.Host == host.Host && url.Port == host.Port))
            {
                await route.ContinueAsync();
                return;
            }

            session._offHost.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        return session;
    }

    /// <summary>Opens the dashboard and signs in with this session's key; returns once the views are shown.</summary>
    public async Task SignInAsync(string? hash = null)
    {
        await Page.GotoAsync(DashboardUri + (hash ?? string.Empty));
        await Page.Locator("#api-key").FillAsync(Key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.Locator("nav.views").WaitForAsync();
    }

    /// <summary>
    /// Saves the page at 1280×800 (scrolled to <paramref name="scrollTo"/>, else the top) and at phone width (whole page) under the
    /// artifacts folder, and checks that the page fits the phone's width.
    /// </summary>
    public async Task ScreenshotAsync(string name, ILocator? scrollTo = null)
    {
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        if (scrollTo is not null)
        {
            await scrollTo.ScrollIntoViewIfNeededAsync();
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_fixture.ArtifactsDirectory, $"{name}-1280x800.png") });
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_fixture.ArtifactsDirectory, $"{name}-phone.png"), FullPage = true });

        // At phone width the page reflows: nothing may push it wider than the screen (sideways scrolling).
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Phone.Width, $"{name}: the page is {width} px wide at a {Phone.Width} px phone width");
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>No request went anywhere but the host on 127.0.0.1, and no script error was thrown.</summary>
    public void AssertStayedOnLoopback()
    {
        Assert.NotEmpty(_requests);
        Assert.Empty(_offHost);
        Assert.All(_requests, url => Assert.True(
            url.StartsWith("data:", StringComparison.Ordinal) || new Uri(url).Host == "127.0.0.1",
            $"the page requested {url}"));
        Assert.Empty(_pageErrors);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
