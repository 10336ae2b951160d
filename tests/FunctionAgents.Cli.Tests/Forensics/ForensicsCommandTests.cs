using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Cli.Tests.Forensics;

public sealed class ForensicsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(string Journal, string RunId)> RunAsync()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);
        var runId = EventSerializer.DeserializeEvent(File.ReadLines(journal).First()).RunId;
        return (journal, runId);
    }

    [Fact]
    public async Task Verify_IntactJournal_Exit0()
    {
        var (journal, runId) = await RunAsync();

        var result = await Fa.RunAsync("verify", "--run", runId, "--journal-file", journal);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 broken", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnotherTenantsRun_Exit1NotFound_LikeShowExplainAndWhy()
    {
        var (journal, runId) = await RunAsync();
        var owner = EventSerializer.DeserializeEvent(File.ReadLines(journal).First()).TenantId;

        var other = await Fa.RunAsync("verify", "--run", runId, "--tenant", owner + "-other", "--journal-file", journal);
        var own = await Fa.RunAsync("verify", "--run", runId, "--tenant", owner, "--journal-file", journal);

        Assert.Equal(1, other.ExitCode);
        Assert.Contains("not found for tenant", other.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("events", other.Output, StringComparison.Ordinal);
        Assert.Equal(0, own.ExitCode);
    }

    [Fact]
    public async Task Verify_AlteredEvent_Exit1NamingRunAndSeq()
    {
        var (journal, runId) = await RunAsync();
        var lines = File.ReadAllLines(journal);
        var index = Array.FindIndex(lines, l => EventSerializer.DeserializeEvent(l) is { Seq: 3 } e && e.RunId == runId);
        var altered = EventSerializer.DeserializeEvent(lines[index]);
        lines[index] = EventSerializer.SerializeEvent(altered with { Actor = "human" });
        await File.WriteAllLinesAsync(journal, lines);

        var result = await Fa.RunAsync("verify", "--run", runId, "--journal-file", journal);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(runId, result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("3", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainAndWhy_KnownRun_ReadableTimelineAndChainBackToTheInput()
    {
        var (journal, runId) = await RunAsync();

        var explain = await Fa.RunAsync("runs", "explain", runId, "--journal-file", journal);
        var why = await Fa.RunAsync("runs", "why", runId, "4", "--journal-file", journal);

        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("Run started", explain.Output, StringComparison.Ordinal);
        Assert.Contains("Plan generated", explain.Output, StringComparison.Ordinal);
        Assert.Equal(0, why.ExitCode);
        Assert.Contains("#1", why.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bisect_InvariantThatHolds_Exit0AndSaysSo()
    {
        var (journal, runId) = await RunAsync();

        var result = await Fa.RunAsync("bisect", "--invariant", "budget-respected", "--run", runId, "--journal-file", journal);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("holds", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bisect_UnknownInvariant_IsUsageError()
    {
        var (journal, runId) = await RunAsync();

        var result = await Fa.RunAsync("bisect", "--invariant", "no-such-invariant", "--run", runId, "--journal-file", journal);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_YoungerThanTheRetentionFloor_IsRefusedWithTheReason()
    {
        var cutoff = DateTimeOffset.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var result = await Fa.RunAsync("purge", "--before", cutoff, "--storage", "UseDevelopmentStorage=true", "--yes");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("183", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }
}
