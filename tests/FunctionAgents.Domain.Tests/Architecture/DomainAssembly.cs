using System.Reflection;
using System.Xml.Linq;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Tests.Architecture;

/// <summary>The domain assembly under test and its project file.</summary>
internal static class DomainAssembly
{
    public static Assembly Assembly { get; } = typeof(RunEvolver).Assembly;

    public static string ProjectPath { get; } = Path.Combine(RepositoryRoot(), "src", "FunctionAgents.Domain", "FunctionAgents.Domain.csproj");

    /// <summary>The Include of every PackageReference and ProjectReference in the domain's project file.</summary>
    public static (IReadOnlyList<string> Packages, IReadOnlyList<string> Projects) ProjectReferences()
    {
        var project = XDocument.Load(ProjectPath);
        string[] Includes(string element) =>
            [.. project.Descendants(element).Select(e => (string?)e.Attribute("Include") ?? string.Empty)];
        return (Includes("PackageReference"), Includes("ProjectReference"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FunctionAgents.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from a clone of the repository.");
    }
}
