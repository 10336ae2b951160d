using FunctionAgents.Domain.Evaluation.Reporting;

namespace FunctionAgents.Domain.Tests.Evaluation;

public sealed class AlertRulesTests
{
    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void Evaluate_CandidateViolationRateAgainstBaseline_PagesOnlyAbove3x(int candidateViolations, bool pages)
    {
        var day = ReportFactory.Group("2026-11-20", ReportFactory.Side(violations: 2), ReportFactory.Side(violations: candidateViolations));

        var alerts = AlertRules.Evaluate([day], null, candidate: true);

        Assert.Equal(pages, alerts.Any(a => a is { Severity: EvaluationAlert.Page, Code: EvaluationAlert.PolicyViolationRate, Day: "2026-11-20" }));
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void Evaluate_NightlyViolationRate_PagesAbove3xThePreviousDay(int todayViolations, bool pages)
    {
        var yesterday = ReportFactory.Group("2026-11-19", ReportFactory.Side(violations: 2));
        var today = ReportFactory.Group("2026-11-20", ReportFactory.Side(violations: todayViolations));

        var alerts = AlertRules.Evaluate([today, yesterday], null, candidate: false);

        Assert.Equal(pages, alerts.Any(a => a.Severity == EvaluationAlert.Page));
    }

    [Theory]
    [InlineData("0.13", false)]
    [InlineData("0.1301", true)]
    public void Evaluate_CostPerSuccessfulRun_WarnsAbove30PercentDayOverDay(string todayCostPerSuccess, bool warns)
    {
        var yesterday = ReportFactory.Group("2026-11-19", ReportFactory.Side(successful: 100, cost: 10m));
        var today = ReportFactory.Group("2026-11-20");
        today = today with { Candidate = today.Candidate with { CostPerSuccessfulRunUsd = decimal.Parse(todayCostPerSuccess, System.Globalization.CultureInfo.InvariantCulture) } };

        var alerts = AlertRules.Evaluate([yesterday, today], null, candidate: false);

        Assert.Equal(warns, alerts.Any(a => a is { Severity: EvaluationAlert.Warn, Code: EvaluationAlert.CostPerSuccessfulRun, Day: "2026-11-20" }));
    }

    [Fact]
    public void Evaluate_PreviousDayFromAnEarlierReport_IsTheBaseline()
    {
        var yesterday = ReportFactory.Group("2026-11-19", ReportFactory.Side(successful: 100, cost: 10m));
        var today = ReportFactory.Group("2026-11-20", ReportFactory.Side(successful: 100, cost: 20m));

        var alerts = AlertRules.Evaluate([today], yesterday, candidate: false);

        Assert.Single(alerts, a => a.Code == EvaluationAlert.CostPerSuccessfulRun);
    }

    [Fact]
    public void Evaluate_PreviousDayNotAdjacent_IsIgnored()
    {
        var older = ReportFactory.Group("2026-11-17", ReportFactory.Side(successful: 100, cost: 10m, violations: 0));
        var today = ReportFactory.Group("2026-11-20", ReportFactory.Side(successful: 100, cost: 20m, violations: 9));

        Assert.Empty(AlertRules.Evaluate([today], older, candidate: false));
    }
}
