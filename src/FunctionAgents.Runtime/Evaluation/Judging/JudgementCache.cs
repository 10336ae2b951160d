using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FunctionAgents.Runtime.Evaluation.Judging;

/// <summary>
/// Judgements by content address: the SHA-256 of the judge model, the prompt version and the rendered messages. The
/// same run judged again by the same judge and prompt costs no model call and gives the same score. Kept in memory, and
/// in a JSON Lines file when one is given (one judgement a line, appended as they are made), so re-scoring a report's
/// runs in a later process makes no call either.
/// </summary>
public sealed class JudgementCache
{
    private readonly ConcurrentDictionary<string, Judgement> _entries = new(StringComparer.Ordinal);
    private readonly string? _file;
    private readonly Lock _write = new();

    /// <param name="file">The JSON Lines file to load and append to; null for memory only.</param>
    public JudgementCache(string? file = null)
    {
        _file = file;
        if (file is null || !File.Exists(file))
        {
            return;
        }

        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                _entries[root.GetProperty("key").GetString()!] = new Judgement(root.GetProperty("score").GetInt32(), root.GetProperty("reason").GetString() ?? string.Empty);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A torn last line (the process stopped mid-write) is a judgement to make again, not an error.
            }
        }
    }

    /// <summary>How many judgements the cache holds.</summary>
    public int Count => _entries.Count;

    /// <summary>The content address of a judgement request.</summary>
    public static string Key(string model, string promptVersion, string system, string user)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{model}\n{promptVersion}\n{system}\n{user}"));
        return Convert.ToHexStringLower(bytes);
    }

    public bool TryGet(string key, out Judgement judgement) => _entries.TryGetValue(key, out judgement!);

    public void Add(string key, Judgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        if (!_entries.TryAdd(key, judgement) || _file is null)
        {
            return;
        }

        var line = JsonSerializer.Serialize(new Dictionary<string, object> { ["key"] = key, ["score"] = judgement.Score, ["reason"] = judgement.Reason }, JudgementJsonContext.Default.DictionaryStringObject);
        lock (_write)
        {
            File.AppendAllText(_file, line + "\n");
        }
    }
}

/// <summary>A judge's verdict: a score from 1 to 5 and why.</summary>
public sealed record Judgement(int Score, string Reason);
