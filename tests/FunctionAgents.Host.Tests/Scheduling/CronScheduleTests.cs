using FunctionAgents.Azure.Scheduling;


namespace FunctionAgents.Host.Tests.Scheduling;

public sealed class CronScheduleTests
{
    [Fact]
    public void NextAfter_NightlyDefault_IsTwoOClockUtc()
    {
        var schedule = CronSchedule.Parse("0 0 2 * * *");

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2025, 6, 1, 1, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 2, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextAfter_OffsetInput_IsComputedInUtc()
    {
        var schedule = CronSchedule.Parse("0 0 2 * * *");

        var next = schedule.NextAfter(new DateTimeOffset(2025, 6, 1, 3, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void NextAfter_SecondsField_IsHonoured()
    {
        var schedule = CronSchedule.Parse("*/15 * * * * *");

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 15, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Occurrences_Range_ListsEachOneInOrder()
    {
        var schedule = CronSchedule.Parse("0 30 9 * * 1-5");

        var monday = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);
        var week = schedule.Occurrences(monday, monday.AddDays(7)).ToList();

        Assert.Equal(5, week.Count);
        Assert.All(week, o => Assert.Equal(new TimeSpan(9, 30, 0), o.TimeOfDay));
    }

    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("0 0 2 * * * *")]
    [InlineData("0 0 25 * * *")]
    [InlineData("every night")]
    [InlineData("")]
    public void Parse_NotASixFieldExpression_ThrowsFormatException(string expression)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));

        Assert.Contains(expression, error.Message, StringComparison.Ordinal);
    }
}
