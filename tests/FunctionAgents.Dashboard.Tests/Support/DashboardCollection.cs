using System.Diagnostics.CodeAnalysis;

namespace FunctionAgents.Dashboard.Tests.Support;

/// <summary>Every browser test shares one Azurite, one host and one browser.</summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An xunit collection definition is named after its collection.")]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
