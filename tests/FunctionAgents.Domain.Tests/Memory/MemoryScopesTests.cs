using FunctionAgents.Domain.Memory;

namespace FunctionAgents.Domain.Tests.Memory;

public sealed class MemoryScopesTests
{
    private static readonly MemoryOptions OptedIn = new() { LongTermTenants = new HashSet<string>(["tenant-a"], StringComparer.Ordinal) };

    [Fact]
    public void Effective_NoMetadata_IsTheRunScope() =>
        Assert.Equal((MemoryScope.Run, (string?)null), MemoryScopes.Effective("tenant-a", null, OptedIn));

    [Theory]
    [InlineData("none", MemoryScope.None)]
    [InlineData("run", MemoryScope.Run)]
    [InlineData(" Long_Term ", MemoryScope.LongTerm)]
    public void Effective_OptedInTenant_GetsWhatItAsked(string value, MemoryScope expected) =>
        Assert.Equal(expected, MemoryScopes.Effective("tenant-a", Meta(value), OptedIn).Scope);

    [Fact]
    public void Effective_LongTermForATenantThatDidNotOptIn_IsTheRunScopeWithTheReason()
    {
        // Act
        var (scope, reason) = MemoryScopes.Effective("tenant-b", Meta("long_term"), OptedIn);

        // Assert
        Assert.Equal(MemoryScope.Run, scope);
        Assert.Contains("not enabled for tenant tenant-b", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Requested_UnknownValue_IsNull() => Assert.Null(MemoryScopes.Requested(Meta("forever")));

    [Fact]
    public void FromSettings_TenantTtlAndOptIn_AreRead()
    {
        // Act
        var options = MemoryOptions.FromSettings(name => name switch
        {
            MemorySettingNames.LongTermTenants => "alpha, beta",
            MemorySettingNames.TenantTtlDays => "alpha:7",
            _ => null,
        });

        // Assert
        Assert.True(options.LongTermTenants.SetEquals(["alpha", "beta"]));
        Assert.Equal(TimeSpan.FromDays(7), options.TtlFor("alpha"));
        Assert.Equal(TimeSpan.FromDays(30), options.TtlFor("beta"));
    }

    [Fact]
    public void FromSettings_BadDays_NamesTheSetting() =>
        Assert.Contains(MemorySettingNames.TtlDays, Assert.Throws<FormatException>(() => MemoryOptions.FromSettings(n => n == MemorySettingNames.TtlDays ? "soon" : null)).Message, StringComparison.Ordinal);

    private static Dictionary<string, string> Meta(string value) => new() { [MemoryScopes.MetadataKey] = value };
}
