namespace FunctionAgents.Domain.Tests.Architecture;

/// <summary>The domain is pure: no I/O package, no clock, GUID, file or network call, and its folders form a DAG.</summary>
public sealed class DomainPurityTests
{
    /// <summary>Assemblies the domain may reference: the base library and a YAML parser that reads text.</summary>
    private static readonly string[] IoAssemblies =
    [
        "System.Net.", "System.IO.FileSystem", "System.IO.Pipes", "System.IO.MemoryMappedFiles", "System.Diagnostics.Process",
        "System.Data.", "System.Console",
    ];

    [Fact]
    public void ReferencedAssemblies_AreTheBaseLibraryAndYamlDotNet_NoIoPackage()
    {
        var names = DomainAssembly.Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        var foreign = names.Where(name => name != "YamlDotNet" && !name.StartsWith("System.", StringComparison.Ordinal) && name != "netstandard");
        var io = names.Where(name => IoAssemblies.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));

        Assert.Empty(foreign);
        Assert.Empty(io);
    }

    [Fact]
    public void ProjectFile_ReferencesOnlyYamlDotNetAndTheBannedApiAnalyzer()
    {
        var (packages, projects) = DomainAssembly.ProjectReferences();

        Assert.Equal(["Microsoft.CodeAnalysis.BannedApiAnalyzers", "YamlDotNet"], packages.Order(StringComparer.Ordinal));
        Assert.Empty(projects);
    }

    [Fact]
    public void Metadata_ReferencesNoClockGuidRandomEnvironmentFileOrNetworkMember()
    {
        var banned = BannedMemberScan.Find(DomainAssembly.Assembly.Location);

        Assert.Empty(banned);
    }

    [Fact]
    public void BannedMemberScan_OnAnAssemblyThatUsesThem_FindsEach()
    {
        var banned = BannedMemberScan.Find(typeof(ImpureCode).Assembly.Location);

        Assert.Contains("System.DateTimeOffset::get_UtcNow", banned);
        Assert.Contains("System.Guid::NewGuid", banned);
        Assert.Contains("System.IO.File::Exists", banned);
        Assert.Contains("System.Net.Http.HttpClient", banned);
    }

    [Fact]
    public void Namespaces_FormADirectedAcyclicGraph()
    {
        var graph = NamespaceGraph.Of(DomainAssembly.Assembly);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespace cycles in the domain: " + string.Join(" | ", cycles));
        Assert.Contains("FunctionAgents.Domain.Events", graph.Edges["FunctionAgents.Domain.Runs"].Keys);
    }

    /// <summary>What the scan must catch (this test assembly is allowed to touch the clock, the disk and the network).</summary>
    private static class ImpureCode
    {
        public static object[] Use() =>
            [DateTimeOffset.UtcNow, Guid.NewGuid(), File.Exists("x"), typeof(System.Net.Http.HttpClient)];
    }
}
