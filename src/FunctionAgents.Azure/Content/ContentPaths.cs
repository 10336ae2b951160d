namespace FunctionAgents.Azure.Content;

/// <summary>
/// Resolves the relative paths of settings (policy file, docs folder, sample data): against the host's
/// content root first, then against the repository root when running from a clone.
/// </summary>
public static class ContentPaths
{
    /// <summary>
    /// The first existing of <c>contentRoot/path</c> and <c>repositoryRoot/path</c>; an absolute path as is.
    /// When neither exists, the content-root candidate (so the error names where it was expected).
    /// </summary>
    public static string Resolve(string contentRoot, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var underContent = Path.GetFullPath(Path.Combine(contentRoot, path));
        if (Exists(underContent))
        {
            return underContent;
        }

        return FindRepositoryRoot(contentRoot) is { } root && Exists(Path.Combine(root, path))
            ? Path.GetFullPath(Path.Combine(root, path))
            : underContent;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding both package.json and FunctionAgents.sln, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(start);
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "FunctionAgents.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
