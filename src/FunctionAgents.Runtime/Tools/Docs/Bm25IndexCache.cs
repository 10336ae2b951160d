using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace FunctionAgents.Runtime.Tools.Docs;

/// <summary>
/// One index per docs folder, built on first use and reused; rebuilt only when the folder's markdown files
/// change (names, sizes or write times), so a long-running host picks up edited docs.
/// </summary>
internal static class Bm25IndexCache
{
    private static readonly ConcurrentDictionary<string, Lazy<(string Fingerprint, Bm25Index Index)>> Cache =
        new(StringComparer.Ordinal);

    public static Bm25Index Get(string folder)
    {
        var fullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException($"The docs folder '{Path.GetFileName(fullPath)}' does not exist.");
        }

        var files = Directory.GetFiles(fullPath, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var fingerprint = Fingerprint(files);

        while (true)
        {
            var entry = Cache.GetOrAdd(fullPath, _ => Build(fullPath, files, fingerprint));
            if (entry.Value.Fingerprint == fingerprint)
            {
                return entry.Value.Index;
            }

            Cache.TryUpdate(fullPath, Build(fullPath, files, fingerprint), entry);
        }
    }

    private static Lazy<(string, Bm25Index)> Build(string folder, string[] files, string fingerprint) =>
        new(() => (fingerprint, new Bm25Index(MarkdownPassageReader.ReadFolder(folder, files))));

    private static string Fingerprint(string[] files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            text.Append(file).Append('|')
                .Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
