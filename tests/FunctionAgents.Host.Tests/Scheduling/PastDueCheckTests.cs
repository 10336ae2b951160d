using FunctionAgents.Azure.Scheduling;
using FunctionAgents.Host.Scheduling;

namespace FunctionAgents.Host.Tests.Scheduling;

public sealed class PastDueCheckTests
{
    private static readonly CronSchedule Nightly = CronSchedule.Parse("0 0 2 * * *");
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_NoStatus_NothingMissedAndNextIsTheComingOccurrence()
    {
        var (missed, status) = PastDueCheck.Evaluate(Nightly, null, Now);

        Assert.Null(missed);
        Assert.Equal(new DateTimeOffset(2025, 6, 11, 2, 0, 0, TimeSpan.Zero), status.Next);
        Assert.Null(status.Last);
    }

    [Fact]
    public void Evaluate_NextPassedWhileDown_ReportsThatOccurrenceOnce()
    {
        var stored = new ScheduleStatus(Now.AddDays(-3).Date.AddHours(2), new DateTimeOffset(2025, 6, 8, 2, 0, 0, TimeSpan.Zero), Now.AddDays(-3));

        var (missed, _) = PastDueCheck.Evaluate(Nightly, stored, Now);

        Assert.Equal(new DateTimeOffset(2025, 6, 8, 2, 0, 0, TimeSpan.Zero), missed);
    }

    [Fact]
    public void Evaluate_NextStillAhead_NothingMissed()
    {
        var stored = new ScheduleStatus(new DateTimeOffset(2025, 6, 10, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 11, 2, 0, 0, TimeSpan.Zero), Now.AddHours(-8));

        var (missed, status) = PastDueCheck.Evaluate(Nightly, stored, Now);

        Assert.Null(missed);
        Assert.Equal(new DateTimeOffset(2025, 6, 11, 2, 0, 0, TimeSpan.Zero), status.Next);
    }

    [Fact]
    public void Evaluate_ScheduleChanged_JudgesByTheNewSchedule()
    {
        // Stored under an hourly schedule; the nightly one was not due since the last run at 09:00.
        var stored = new ScheduleStatus(new DateTimeOffset(2025, 6, 10, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 10, 9, 59, 0, TimeSpan.Zero), Now.AddHours(-1));

        var (missed, status) = PastDueCheck.Evaluate(Nightly, stored, Now);

        Assert.Null(missed);
        Assert.Equal(new DateTimeOffset(2025, 6, 11, 2, 0, 0, TimeSpan.Zero), status.Next);
    }
}
