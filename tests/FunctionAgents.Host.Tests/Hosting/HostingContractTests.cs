using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Host.Hosting;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Routing;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Host.Tests.Hosting;

public sealed class HostingContractTests
{
    [Fact]
    public void FromSettings_NothingSet_UsesTheDocumentedDefaults()
    {
        var settings = FunctionAgentsSettings.FromSettings(_ => null);

        Assert.Equal("UseDevelopmentStorage=true", settings.Storage.Connection);
        Assert.Equal("AgentEvents", settings.Storage.Names.Journal);
        Assert.Equal("agent-runs", settings.Storage.Names.AgentRuns);
        Assert.Equal("agent-runs-poison", settings.Storage.Names.AgentRunsPoison);
        Assert.Equal(TimeSpan.FromHours(1), settings.Runs.RunDeadline);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.Runs.SweepAfter);
        Assert.Equal("0 0 2 * * *", settings.Nightly.Schedule.Expression);
        Assert.Equal("samples/policies/default.yaml", settings.Content.PolicyPath);
    }

    [Fact]
    public void FromSettings_Values_AreParsedAndPrefixed()
    {
        var values = new Dictionary<string, string>
        {
            [RunTimingSettings.RunDeadlineSetting] = "PT30M",
            [RunTimingSettings.SweepAfterSetting] = "PT45S",
            [StorageSettings.PrefixSetting] = "t1",
            [StorageSettings.JournalTableSetting] = "Journal2",
            [NightlyEvaluationSettings.ScheduleSetting] = "0 30 3 * * *",
        };

        var settings = FunctionAgentsSettings.FromSettings(name => values.GetValueOrDefault(name));

        Assert.Equal(TimeSpan.FromMinutes(30), settings.Runs.RunDeadline);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.Runs.SweepAfter);
        Assert.Equal("t1Journal2", settings.Storage.Names.Journal);
        Assert.Equal("t1AgentRunsByTenant", settings.Storage.Names.RunsByTenant);
        Assert.Equal("t1-agent-runs", settings.Storage.Names.AgentRuns);
    }

    [Fact]
    public void FromSettings_IdentityBasedStorage_LeavesTheConnectionStringUnset()
    {
        var settings = FunctionAgentsSettings.FromSettings(name => name == "AzureWebJobsStorage__accountName" ? "acct" : null);

        Assert.Null(settings.Storage.Connection);
    }

    [Theory]
    [InlineData(RunTimingSettings.RunDeadlineSetting, "1 hour")]
    [InlineData(RunTimingSettings.SweepAfterSetting, "-PT1M")]
    [InlineData(StorageSettings.PrefixSetting, "Has-Caps")]
    [InlineData(NightlyEvaluationSettings.ScheduleSetting, "0 2 * * *")]
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

        Assert.Contains(ApiKeyRing.Setting, error.Message, StringComparison.Ordinal);
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
