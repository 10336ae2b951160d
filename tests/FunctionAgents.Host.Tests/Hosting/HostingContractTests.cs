using FunctionAgents.Runtime.Hosting;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Host.Hosting;
using FunctionAgents.Http.Auth;

namespace FunctionAgents.Host.Tests.Hosting;

public sealed class HostingContractTests
{
    [Fact]
    public void FromSettings_NothingSet_UsesTheDocumentedDefaults()
    {
        var settings = FunctionAgentsSettings.FromSettings(_ => null);

        Assert.Equal("UseDevelopmentStorage=true", settings.Storage);
        Assert.Equal("AgentEvents", settings.Names.Journal);
        Assert.Equal("agent-runs", settings.Names.AgentRuns);
        Assert.Equal("agent-runs-poison", settings.Names.AgentRunsPoison);
        Assert.Equal(TimeSpan.FromHours(1), settings.RunDeadline);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.SweepAfter);
        Assert.Equal("0 0 2 * * *", settings.NightlySchedule.Expression);
        Assert.Equal("samples/policies/default.yaml", settings.PolicyPath);
    }

    [Fact]
    public void FromSettings_Values_AreParsedAndPrefixed()
    {
        var values = new Dictionary<string, string>
        {
            [SettingNames.RunDeadline] = "PT30M",
            [SettingNames.SweepAfter] = "PT45S",
            [SettingNames.StoragePrefix] = "t1",
            [SettingNames.JournalTable] = "Journal2",
            [SettingNames.NightlySchedule] = "0 30 3 * * *",
        };

        var settings = FunctionAgentsSettings.FromSettings(name => values.GetValueOrDefault(name));

        Assert.Equal(TimeSpan.FromMinutes(30), settings.RunDeadline);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.SweepAfter);
        Assert.Equal("t1Journal2", settings.Names.Journal);
        Assert.Equal("t1AgentRunsByTenant", settings.Names.RunsByTenant);
        Assert.Equal("t1-agent-runs", settings.Names.AgentRuns);
    }

    [Fact]
    public void FromSettings_IdentityBasedStorage_LeavesTheConnectionStringUnset()
    {
        var settings = FunctionAgentsSettings.FromSettings(name => name == "AzureWebJobsStorage__accountName" ? "acct" : null);

        Assert.Null(settings.Storage);
    }

    [Theory]
    [InlineData(SettingNames.RunDeadline, "1 hour")]
    [InlineData(SettingNames.SweepAfter, "-PT1M")]
    [InlineData(SettingNames.StoragePrefix, "Has-Caps")]
    [InlineData(SettingNames.NightlySchedule, "0 2 * * *")]
    public void FromSettings_MalformedValue_ThrowsNamingTheSetting(string name, string value)
    {
        var error = Assert.Throws<FormatException>(() => FunctionAgentsSettings.FromSettings(n => n == name ? value : null));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiKeyRing_Pairs_MapEachKeyToItsTenant()
    {
        var ring = ApiKeyRing.Parse(" acme:key-aaaaaaaa , acme:key-bbbbbbbb,other:key-cccccccc ");

        Assert.Equal("acme", ring.FindTenant("key-aaaaaaaa"));
        Assert.Equal("acme", ring.FindTenant("key-bbbbbbbb"));
        Assert.Equal("other", ring.FindTenant("key-cccccccc"));
        Assert.Null(ring.FindTenant("key-dddddddd"));
        Assert.Null(ring.FindTenant(null));
        Assert.Equal(["acme", "other"], ring.Tenants.Order());
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("ACME:key-aaaaaaaa")]
    [InlineData("acme:short")]
    [InlineData("acme:key-aaaaaaaa,other:key-aaaaaaaa")]
    [InlineData("al:pha:key-aaaaaaaa")]
    public void ApiKeyRing_MalformedEntry_ThrowsWithoutRepeatingTheKey(string setting)
    {
        var error = Assert.Throws<FormatException>(() => ApiKeyRing.Parse(setting));

        Assert.Contains(SettingNames.ApiKeys, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key-aaaaaaaa", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiKeyRing_KeyWithASecondColon_IsRefusedNamingTheEntry()
    {
        // "al:pha:key" used to start silently as tenant "al" with the key "pha:key".
        var error = Assert.Throws<FormatException>(() => ApiKeyRing.Parse("acme:key-aaaaaaaa,al:pha:key-bbbbbbbb"));

        Assert.Contains("entry 2 (tenant al)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ops:pha:admin-key-0123456789")]
    [InlineData("ops:admin key 0123456789")]
    [InlineData("ops:short")]
    public void AdminKeyRing_MalformedEntry_IsRefusedNamingTheEntry(string entry)
    {
        var error = Assert.Throws<FormatException>(() => AdminKeyRing.Parse("root:admin-key-0123456789abcdef," + entry));

        Assert.Contains($"{PrivacySettingNames.AdminKeys} entry 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiKeyRing_GeneratedEntry_ParsesBack()
    {
        var entry = ApiKeyRing.GenerateEntry("dev");

        var ring = ApiKeyRing.Parse(entry);

        Assert.Equal("dev", ring.FindTenant(entry["dev:".Length..]));
    }

    [Fact]
    public void HostCommandLine_DemoSwitch_IsTakenOutOfTheHostArguments()
    {
        var commandLine = HostCommandLine.Parse(["--demo", "--urls", "http://127.0.0.1:7071"]);

        Assert.True(commandLine.Demo);
        Assert.Equal(["--urls", "http://127.0.0.1:7071"], commandLine.HostArgs);
    }

    [Fact]
    public void ApiRoutes_Uris_AreRootRelativeAndEscaped()
    {
        Assert.Equal("/api/runs/run-1", ApiRoutes.RunUri("run-1"));
        Assert.Equal("/api/runs/run-1/events", ApiRoutes.EventsUri("run-1"));
        Assert.Equal("/api/runs/run-1/cancel", ApiRoutes.CancelUri("run-1"));
        Assert.Equal("/api/runs/run-1/approvals/s%201", ApiRoutes.ApprovalUri("run-1", "s 1"));
    }

    [Fact]
    public void ContentPaths_RelativePath_ResolvesAgainstTheRepositoryWhenNotUnderTheContentRoot()
    {
        var root = ContentPaths.FindRepositoryRoot(AppContext.BaseDirectory);

        var policy = ContentPaths.Resolve(AppContext.BaseDirectory, "samples/policies/default.yaml");

        Assert.NotNull(root);
        Assert.Equal(Path.Combine(root, "samples", "policies", "default.yaml"), policy);
        Assert.True(File.Exists(policy));
    }
}
