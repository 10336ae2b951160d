using FunctionAgents.Domain.Tools.Docs;
using FunctionAgents.Runtime.Tools.Docs;

namespace FunctionAgents.Runtime.Tests.Tools.Docs;

public sealed class Bm25IndexTests
{
    [Fact]
    public void Read_MarkdownWithHeadings_SplitsPassagesUnderEachHeading()
    {
        // Arrange
        const string markdown = "# Title\n\nIntro line one\nline two.\n\n## First\n\nAlpha.\n\n```\n# not a heading\n```\n\n### Second ###\nBeta.\n";

        // Act
        var passages = MarkdownPassageReader.Read("doc.md", markdown).ToList();

        // Assert
        Assert.Equal(["Title", "First", "Second"], passages.Select(p => p.Heading));
        Assert.Equal("Intro line one line two.", passages[0].Text);
        Assert.All(passages, p => Assert.Equal("Title", p.Title));
    }

    [Fact]
    public void Search_TermFrequencyAndLength_ScoresDenserPassageHigher()
    {
        // Arrange
        var index = new Bm25Index(
        [
            new DocPassage("a.md", "A", "Refunds", "Refund refund within thirty days."),
            new DocPassage("b.md", "B", "Shipping", "We ship parcels; a refund is possible for lost parcels, and many other words follow here to make it long."),
            new DocPassage("c.md", "C", "Privacy", "Personal data is protected."),
        ]);

        // Act
        var hits = index.Search("the refund", 10);

        // Assert
        Assert.Equal(["a.md", "b.md"], hits.Select(h => h.Passage.Source));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Tokenize_MixedText_LowercasesSplitsAndDropsStopwords()
    {
        // Act
        var tokens = TextTokenizer.Tokenize("The 30-day refund window (EU) is open, and Müller's order #1042!");

        // Assert
        Assert.Equal(["30", "day", "refund", "window", "eu", "open", "müller", "s", "order", "1042"], tokens);
    }
}
