using System.Collections.Frozen;
using System.Text;

namespace FunctionAgents.Domain.Tools.Docs;

/// <summary>Lowercases, splits on anything that is not a letter or digit, and drops a small list of English stopwords.</summary>
public static class TextTokenizer
{
    private static readonly FrozenSet<string> Stopwords = new[]
    {
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "do", "does", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is",
        "it", "its", "me", "my", "of", "on", "or", "our", "out", "over", "so", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "was", "we",
        "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush(current, tokens);
        }

        Flush(current, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length == 0)
        {
            return;
        }

        var token = current.ToString();
        current.Clear();
        if (!Stopwords.Contains(token))
        {
            tokens.Add(token);
        }
    }
}
