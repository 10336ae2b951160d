using FunctionAgents.Domain.Tools.Docs;

namespace FunctionAgents.Runtime.Tools.Docs;

/// <summary>Okapi BM25 (k1 = 1.2, b = 0.75) over passages; each passage is indexed with its document title and heading.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly IReadOnlyList<DocPassage> _passages;
    private readonly Dictionary<string, int>[] _termFrequencies;
    private readonly int[] _lengths;
    private readonly Dictionary<string, int> _documentFrequencies = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<DocPassage> passages)
    {
        _passages = passages;
        _termFrequencies = new Dictionary<string, int>[passages.Count];
        _lengths = new int[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            var tokens = TextTokenizer.Tokenize($"{p.Title}\n{p.Heading}\n{p.Text}");
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var token in tokens)
            {
                frequencies[token] = frequencies.GetValueOrDefault(token) + 1;
            }

            foreach (var term in frequencies.Keys)
            {
                _documentFrequencies[term] = _documentFrequencies.GetValueOrDefault(term) + 1;
            }

            _termFrequencies[i] = frequencies;
            _lengths[i] = tokens.Count;
        }

        _averageLength = passages.Count == 0 ? 0 : _lengths.Average();
    }

    public int Count => _passages.Count;

    /// <summary>The best <paramref name="topK"/> passages with a positive score, best first; ties keep corpus order.</summary>
    public IReadOnlyList<(DocPassage Passage, double Score)> Search(string query, int topK)
    {
        var terms = TextTokenizer.Tokenize(query).Distinct(StringComparer.Ordinal).ToList();
        var scored = new List<(DocPassage Passage, double Score, int Order)>();
        for (var i = 0; i < _passages.Count; i++)
        {
            var score = Score(i, terms);
            if (score > 0)
            {
                scored.Add((_passages[i], score, i));
            }
        }

        return scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Order)
            .Take(topK)
            .Select(s => (s.Passage, s.Score))
            .ToList();
    }

    private double Score(int index, List<string> terms)
    {
        var frequencies = _termFrequencies[index];
        var lengthRatio = _averageLength == 0 ? 0 : _lengths[index] / _averageLength;
        var score = 0.0;
        foreach (var term in terms)
        {
            if (!frequencies.TryGetValue(term, out var tf))
            {
                continue;
            }

            var df = _documentFrequencies[term];
            var idf = Math.Log(1 + ((_passages.Count - df + 0.5) / (df + 0.5)));
            score += idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * lengthRatio))));
        }

        return score;
    }
}
