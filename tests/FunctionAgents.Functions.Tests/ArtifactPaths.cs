namespace FunctionAgents.Functions.Tests;

/// <summary>Built artefacts and sources these tests read, found from the test binaries' place in the repository.</summary>
internal static class ArtifactPaths
{
    /// <summary>The repository root (the folder holding FunctionAgents.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The functions.metadata the Functions SDK generated for the same configuration and framework as these tests.</summary>
    public static string FunctionsMetadata
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(Root, "src", "FunctionAgents.Functions", "bin", output.Parent!.Name, output.Name, "functions.metadata");
            Assert.True(File.Exists(path), $"{path} is missing: build src/FunctionAgents.Functions first");
            return path;
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FunctionAgents.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FunctionAgents.sln not found above " + AppContext.BaseDirectory);
    }
}
