using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Tests.Forensics.Retention;

public sealed class RetentionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Default_IsTheLegalFloorOf183Days()
    {
        // Act
        var policy = new RetentionPolicy();

        // Assert
        Assert.Equal(TimeSpan.FromDays(183), policy.MinimumRetention);
        Assert.Equal(Now.AddDays(-183), policy.LatestAllowedCutoff(Now));
    }

    [Fact]
    public void Constructor_BelowTheFloor_IsRefused()
    {
        // Act
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionPolicy(TimeSpan.FromDays(90)));

        // Assert
        Assert.Contains("183 days", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CutoffYoungerThanTheFloor_IsRefusedWithTheReason()
    {
        // Act
        var decision = new RetentionPolicy().Check(Now.AddDays(-30), Now);

        // Assert
        Assert.False(decision.Allowed);
        Assert.Equal(
            "a cutoff of 2026-08-02 00:00:00 UTC would purge runs only 30 days old; runs are kept at least 183 days (the EU AI Act Art. 19 floor is 183), so the latest allowed cutoff now is 2026-03-02 00:00:00 UTC",
            decision.Refusal);
    }

    [Fact]
    public void Check_RaisedMinimum_RefusesWhatTheFloorAloneWouldAllow()
    {
        // Act
        var decision = new RetentionPolicy(TimeSpan.FromDays(365)).Check(Now.AddDays(-200), Now);

        // Assert
        Assert.False(decision.Allowed);
        Assert.Contains("at least 365 days", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(183)]
    [InlineData(400)]
    public void Check_CutoffAtOrBeyondTheFloor_IsAllowed(int daysAgo)
    {
        // Act
        var decision = new RetentionPolicy().Check(Now.AddDays(-daysAgo), Now);

        // Assert
        Assert.True(decision.Allowed);
        Assert.Null(decision.Refusal);
    }

    [Fact]
    public void Check_CutoffInTheFuture_IsRefused()
    {
        // Act
        var decision = new RetentionPolicy().Check(Now.AddDays(1), Now);

        // Assert
        Assert.False(decision.Allowed);
        Assert.Contains("from the future", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void PurgePlan_SelectsFinishedRunsLastActiveBeforeTheCutoff()
    {
        // Arrange
        var cutoff = Now.AddDays(-200);
        var decision = new RetentionPolicy().Check(cutoff, Now);
        RunSummary[] runs =
        [
            Run("run-old", RunStatus.Completed, cutoff.AddDays(-10), cutoff.AddDays(-10)),
            Run("run-late", RunStatus.Completed, cutoff.AddDays(-1), cutoff.AddDays(1)),
            Run("run-stuck", RunStatus.AwaitingApproval, cutoff.AddDays(-5), cutoff.AddDays(-5)),
            Run("run-young", RunStatus.Completed, cutoff.AddDays(3), cutoff.AddDays(3)),
        ];

        // Act
        var plan = PurgePlan.Create(decision, runs);

        // Assert
        Assert.Equal(["run-old"], plan.Runs.Select(r => r.RunId));
        Assert.Equal(["run-late", "run-stuck"], plan.Skipped.Select(s => s.RunId).Order(StringComparer.Ordinal));
        Assert.Contains("not finished", plan.Skipped.Single(s => s.RunId == "run-stuck").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PurgePlan_RefusedCutoff_SelectsNothing()
    {
        // Act
        var plan = PurgePlan.Create(new RetentionPolicy().Check(Now, Now), [Run("run-old", RunStatus.Completed, Now.AddDays(-400), Now.AddDays(-400))]);

        // Assert
        Assert.Empty(plan.Runs);
        Assert.False(plan.Decision.Allowed);
    }

    [Theory]
    [InlineData(null, 183)]
    [InlineData("", 183)]
    [InlineData("365", 365)]
    public void FromSetting_ValidOrMissing_GivesThatMinimum(string? setting, int days)
    {
        // Act
        var policy = RetentionSettings.FromSetting(setting);

        // Assert
        Assert.Equal(TimeSpan.FromDays(days), policy.MinimumRetention);
    }

    [Theory]
    [InlineData("90")]
    [InlineData("six months")]
    [InlineData("-200")]
    public void FromSetting_BelowTheFloorOrNotANumber_IsRefused(string setting)
    {
        // Act + Assert
        var ex = Assert.Throws<FormatException>(() => RetentionSettings.FromSetting(setting));
        Assert.Contains("FA_RETENTION_DAYS", ex.Message, StringComparison.Ordinal);
    }

    private static RunSummary Run(string id, RunStatus status, DateTimeOffset created, DateTimeOffset updated) =>
        new("tenant-a", id, status, "goal", "corr", created, updated, 9, 0.01m, "http");
}
