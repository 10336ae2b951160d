using FunctionAgents.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionAgents.Dashboard.Tests.Views;

[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SignIn_WrongKey_SaysTheKeyWasRefused()
    {
        await using var session = await fixture.OpenAsync("usability");
        await session.Page.GotoAsync(session.DashboardUri.ToString());

        await session.Page.Locator("#api-key").FillAsync("not-a-key-of-this-host");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var message = session.Page.Locator("#sign-in-message [role=alert]");
        await Expect(message).ToContainTextAsync("refused this key (401 Unauthorized)");
        await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Expect(session.Page.Locator("nav.views")).ToBeHiddenAsync();
        Assert.Null(await session.Page.EvaluateAsync<string?>("sessionStorage.getItem('functionagents.apiKey')"));
        await session.ScreenshotAsync("sign-in-wrong-key");
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task StoredKey_RefusedLater_ReturnsToSignInWithTheReason()
    {
        // A key kept in the tab that the host no longer accepts (rotated or removed) must not leave a blank page.
        await using var session = await fixture.OpenAsync("usability");
        await session.SignInAsync("#/approvals");
        await session.Page.EvaluateAsync("() => sessionStorage.setItem('functionagents.apiKey', 'a-key-that-was-rotated')");

        await session.Page.ReloadAsync();

        await Expect(session.Page.Locator("#sign-in-message [role=alert]")).ToContainTextAsync("401 Unauthorized");
        await Expect(session.Page.Locator("#api-key")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("nav.views")).ToBeHiddenAsync();
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task SignOut_ForgetsTheKey_AndShowsSignIn()
    {
        await using var session = await fixture.OpenAsync("usability");
        await session.SignInAsync();
        Assert.Equal(session.Key, await session.Page.EvaluateAsync<string>("sessionStorage.getItem('functionagents.apiKey')"));

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(session.Page.Locator("#api-key")).ToBeVisibleAsync();
        Assert.Null(await session.Page.EvaluateAsync<string?>("sessionStorage.getItem('functionagents.apiKey')"));
        session.AssertStayedOnLoopback();
    }

    [Fact]
    public async Task Keyboard_TabReachesTheViews_WithAVisibleFocusRing()
    {
        await using var session = await fixture.OpenAsync("usability");
        await session.SignInAsync("#/runs");
        // A fresh load (the key stays in sessionStorage) starts keyboard navigation at the top of the document.
        await session.Page.ReloadAsync();
        await session.Page.Locator("#runs-live").WaitForAsync();

        var seen = new List<string>();
        for (var i = 0; i < 8 && !seen.Contains("Approvals"); i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            seen.Add((await session.Page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        }

        Assert.Equal(["Skip to content", "FunctionAgents", "Runs", "Approvals"], seen);
        var outline = await session.Page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth");
        Assert.Equal("solid 3px", outline);
        await session.Page.Keyboard.PressAsync("Enter");
        await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Approvals");
        session.AssertStayedOnLoopback();
    }
}
