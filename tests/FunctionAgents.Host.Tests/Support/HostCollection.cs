using System.Diagnostics.CodeAnalysis;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>One Azurite and one shared host for every test of this assembly that needs storage or HTTP.</summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An xunit collection definition is named after its collection.")]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "Host";
}
