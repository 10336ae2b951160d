using System.Diagnostics.CodeAnalysis;
using FunctionAgents.Testing;

namespace FunctionAgents.Crash.Tests;

/// <summary>One Azurite for the crash tests: the child hosts come and go, the storage stays.</summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An xunit collection definition is named after its collection.")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
