using System.Net;
using System.Net.Http.Headers;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Dashboard;

[Collection(HostCollection.Name)]
public sealed class DashboardFilesTests(HostFixture fixture)
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/api/dashboard/")]
    public async Task Dashboard_Page_IsServedWithoutAKey_WithASelfOnlyContentSecurityPolicy(string path)
    {
        using var anonymous = fixture.Shared.Client(apiKey: null);

        using var response = await anonymous.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"js/main.js\"></script>", html, StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/dashboard", "/dashboard/")]
    [InlineData("/api/dashboard", "/api/dashboard/")]
    public async Task Dashboard_WithoutTrailingSlash_RedirectsSoRelativeLinksResolve(string path, string location)
    {
        using var client = fixture.Shared.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("js/main.js", "text/javascript")]
    [InlineData("js/views/evaluation.js", "text/javascript")]
    [InlineData("css/dashboard.css", "text/css")]
    [InlineData("icon.svg", "image/svg+xml")]
    public async Task Dashboard_Assets_HaveTheirContentType_AndAnswer304ToTheirETag(string file, string mediaType)
    {
        using var client = fixture.Shared.Client(apiKey: null);

        using var first = await client.GetAsync("/dashboard/" + file);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/" + file);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.Headers.ETag!.ToString()));
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(mediaType, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Dashboard_NoFileReferencesAnotherOrigin()
    {
        // The page must work in a closed network: no CDN, font or analytics URL in any file it ships.
        using var client = fixture.Shared.Client(apiKey: null);
        string[] files = ["index.html", "css/dashboard.css", "js/main.js", "js/api.js", "js/dom.js", "js/chart.js", "js/live.js", "js/auth.js",
            "js/views/runs.js", "js/views/run.js", "js/views/timeline.js", "js/views/approvals.js", "js/views/approval-card.js",
            "js/views/approval-badge.js", "js/views/evaluation.js", "icon.svg"];

        foreach (var file in files)
        {
            var text = await client.GetStringAsync("/dashboard/" + file);
            var urls = System.Text.RegularExpressions.Regex.Matches(text, @"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                .Select(m => m.Value).Where(u => u != "http://www.w3.org" && u != "//www.w3.org").ToList();
            Assert.True(urls.Count == 0, $"{file} references {string.Join(", ", urls)}");
        }
    }

    [Fact]
    public async Task Dashboard_UnknownFile_Answers404Problem()
    {
        using var client = fixture.Shared.Client(apiKey: null);

        var (_, body, response) = await Api.GetAsync(client, "/dashboard/js/nope.js");

        Api.AssertProblem(response, body, HttpStatusCode.NotFound);
    }
}
