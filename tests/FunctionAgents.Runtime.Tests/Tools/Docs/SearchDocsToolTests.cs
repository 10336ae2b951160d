using System.Text.Json;
using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools.Docs;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Docs;

public sealed class SearchDocsToolTests
{
    private static async Task<ToolObservation> SearchAsync(object input, ToolLimits? limits = null)
    {
        var executor = new ToolExecutor(new ToolRegistry([new SearchDocsTool(SamplePaths.DocsFolder, limits)]), TimeProvider.System);
        return await executor.ExecuteAsync(Invocations.For(input), "search_docs", CancellationToken.None);
    }

    private static List<JsonElement> Results(ToolObservation observation) =>
        [.. observation.Output!.Value.GetProperty("results").EnumerateArray()];

    [Fact]
    public async Task ExecuteAsync_RefundQuery_RanksRefundPolicyFirst()
    {
        // Act
        var observation = await SearchAsync(new { query = "refund window EU customers", top_k = 3 });

        // Assert
        Assert.True(observation.Success, observation.Error?.Message);
        var results = Results(observation);
        Assert.Equal(3, results.Count);
        Assert.Equal("refund-policy.md", results[0].GetProperty("source").GetString());
        Assert.Contains("30-day refund window", results[0].GetProperty("text").GetString());
        var scores = results.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task ExecuteAsync_WithdrawalQuery_FindsStatutoryHeading()
    {
        // Act
        var observation = await SearchAsync(new { query = "statutory withdrawal right 14 days", top_k = (int?)null });

        // Assert
        var top = Results(observation)[0];
        Assert.Equal("refund-policy.md", top.GetProperty("source").GetString());
        Assert.Equal("EU statutory withdrawal right", top.GetProperty("heading").GetString());
    }

    [Theory]
    [InlineData("who gets paged when checkout fails", "oncall-runbook.md")]
    [InlineData("GDPR data subject access request", "privacy-policy.md")]
    [InlineData("express delivery shipping charges", "shipping-policy.md")]
    [InlineData("chargeback dispute", "payment-policy.md")]
    public async Task ExecuteAsync_TopicQuery_RanksMatchingDocumentFirst(string query, string expectedSource)
    {
        // Act
        var observation = await SearchAsync(new { query, top_k = 1 });

        // Assert
        Assert.Equal(expectedSource, Results(observation).Single().GetProperty("source").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_NullTopK_ReturnsThreePassagesWithAllFields()
    {
        // Act
        var observation = await SearchAsync(new { query = "returns", top_k = (int?)null });

        // Assert
        var results = Results(observation);
        Assert.Equal(3, results.Count);
        Assert.All(results, r =>
        {
            Assert.EndsWith(".md", r.GetProperty("source").GetString());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("heading").GetString()));
            Assert.True(r.GetProperty("score").GetDouble() > 0);
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("text").GetString()));
        });
    }

    [Fact]
    public async Task ExecuteAsync_NoMatchingTerms_ReturnsEmptyResults()
    {
        // Act
        var observation = await SearchAsync(new { query = "xylophone zeppelin", top_k = 5 });

        // Assert
        Assert.True(observation.Success);
        Assert.Empty(Results(observation));
    }

    [Theory]
    [InlineData("{\"query\":\"refund\",\"top_k\":11}")]
    [InlineData("{\"query\":\"refund\",\"top_k\":0}")]
    [InlineData("{\"query\":\"   \",\"top_k\":3}")]
    [InlineData("{\"query\":\"refund\"}")]
    [InlineData("{\"q\":\"refund\",\"top_k\":3}")]
    public async Task ExecuteAsync_BadInput_ReturnsInvalidInput(string json)
    {
        // Arrange
        var executor = new ToolExecutor(new ToolRegistry([new SearchDocsTool(SamplePaths.DocsFolder)]), TimeProvider.System);

        // Act
        var observation = await executor.ExecuteAsync(Invocations.ForJson(json), "search_docs", CancellationToken.None);

        // Assert
        Assert.False(observation.Success);
        Assert.Equal(ToolErrorCodes.InvalidInput, observation.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_OutputOverCap_KeepsBestPassagesAndMarksTruncated()
    {
        // Arrange
        var limits = SearchDocsTool.DefaultLimits with { OutputCapBytes = 1500 };

        // Act
        var observation = await SearchAsync(new { query = "refund return delivery customer", top_k = 10 }, limits);

        // Assert
        Assert.True(observation.Success);
        Assert.True(observation.Truncated);
        var results = Results(observation);
        Assert.InRange(results.Count, 1, 9);
        Assert.True(observation.Output!.Value.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task ExecuteAsync_MissingFolder_ReturnsToolError()
    {
        // Arrange
        var tool = new SearchDocsTool(Path.Combine(Path.GetTempPath(), "fa-no-such-docs-" + Guid.NewGuid().ToString("N")));
        var executor = new ToolExecutor(new ToolRegistry([tool]), TimeProvider.System);

        // Act
        var observation = await executor.ExecuteAsync(Invocations.For(new { query = "refund", top_k = 3 }), "search_docs", CancellationToken.None);

        // Assert
        Assert.Equal(ToolErrorCodes.ToolFailure, observation.Error!.Code);
    }

    [Fact]
    public void SampleCorpus_Documents_AreEightToFifteenFilesWithHeadings()
    {
        // Act
        var files = Directory.GetFiles(SamplePaths.DocsFolder, "*.md");
        var passages = MarkdownPassageReader.ReadFolder(SamplePaths.DocsFolder, files);

        // Assert
        Assert.InRange(files.Length, 8, 15);
        Assert.All(files, f => Assert.Contains(passages, p => p.Source == Path.GetFileName(f) && p.Heading != p.Title));
    }
}
