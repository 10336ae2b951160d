using System.Text.RegularExpressions;
using System.Text;

namespace FunctionAgents.Runtime.Tools.Docs;

/// <summary>Splits markdown files into passages: each passage is the text under one ATX heading.</summary>
internal static partial class MarkdownPassageReader
{
    public static IReadOnlyList<DocPassage> ReadFolder(string folder, IEnumerable<string> files)
    {
        var passages = new List<DocPassage>();
        foreach (var file in files)
        {
            var source = Path.GetRelativePath(folder, file).Replace('\\', '/');
            passages.AddRange(Read(source, File.ReadAllText(file)));
        }

        return passages;
    }

    public static IEnumerable<DocPassage> Read(string source, string markdown)
    {
        var title = Path.GetFileNameWithoutExtension(source);
        var heading = title;
        var paragraphs = new List<string>();
        var paragraph = new StringBuilder();
        var passages = new List<DocPassage>();
        var inFence = false;

        foreach (var rawLine in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            var match = inFence ? Match.Empty : Heading().Match(line);
            if (match.Success)
            {
                EndParagraph(paragraph, paragraphs);
                Emit(passages, source, title, heading, paragraphs);
                heading = match.Groups["text"].Value.Trim();
                if (match.Groups["level"].Length == 1 && passages.Count == 0)
                {
                    title = heading;
                }

                continue;
            }

            if (line.Length == 0)
            {
                EndParagraph(paragraph, paragraphs);
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(line);
        }

        EndParagraph(paragraph, paragraphs);
        Emit(passages, source, title, heading, paragraphs);
        return passages;
    }

    private static void EndParagraph(StringBuilder paragraph, List<string> paragraphs)
    {
        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph.ToString());
            paragraph.Clear();
        }
    }

    private static void Emit(List<DocPassage> passages, string source, string title, string heading, List<string> paragraphs)
    {
        if (paragraphs.Count > 0)
        {
            passages.Add(new DocPassage(source, title, heading, string.Join("\n\n", paragraphs)));
            paragraphs.Clear();
        }
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.*?)\s*#*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();
}

/// <summary>The text under one markdown heading.</summary>
/// <param name="Source">File path relative to the docs folder, with '/' separators.</param>
/// <param name="Title">The document's first top-level heading (or its file name); indexed with every passage.</param>
internal sealed record DocPassage(string Source, string Title, string Heading, string Text);
