namespace FunctionAgents.Runtime.Tests.Tools;

/// <summary>Locates the committed samples from the test output folder.</summary>
internal static class SamplePaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string DocsFolder => Path.Combine(RepositoryRoot, "samples", "docs");

    public static string ShopSql => Path.Combine(RepositoryRoot, "samples", "shop", "shop.sql");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "docs"))
                && Directory.Exists(Path.Combine(dir.FullName, "samples", "shop")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository's samples/ folder above " + AppContext.BaseDirectory);
    }
}
