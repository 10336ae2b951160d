using NCrontab;

namespace FunctionAgents.Azure.Scheduling;

/// <summary>
/// A six-field NCRONTAB schedule (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), the format of
/// Azure Functions timer triggers, evaluated in UTC. <c>0 0 2 * * *</c> is every day at 02:00:00 UTC.
/// </summary>
public sealed class CronSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <exception cref="FormatException">Not a valid six-field expression; the message says why.</exception>
    public static CronSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 6)
        {
            throw new FormatException(
                $"'{expression}' has {fields} field(s); a schedule has six: second minute hour day month day-of-week (e.g. '0 0 2 * * *').");
        }

        try
        {
            return new CronSchedule(trimmed, CrontabSchedule.Parse(trimmed, WithSeconds));
        }
        catch (CrontabException ex)
        {
            throw new FormatException($"'{expression}' is not a valid NCRONTAB expression: {ex.Message}", ex);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var next = _schedule.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    /// <summary>The next occurrence after the current time of <paramref name="clock"/>.</summary>
    public DateTimeOffset NextAfter(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return NextAfter(clock.GetUtcNow());
    }

    /// <summary>The occurrences in (<paramref name="after"/>, <paramref name="until"/>], in order.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after, DateTimeOffset until) =>
        _schedule.GetNextOccurrences(after.UtcDateTime, until.UtcDateTime.AddTicks(1))
            .Select(o => new DateTimeOffset(DateTime.SpecifyKind(o, DateTimeKind.Utc)));

    public override string ToString() => Expression;
}
