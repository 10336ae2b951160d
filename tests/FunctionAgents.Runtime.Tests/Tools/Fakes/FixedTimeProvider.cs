namespace FunctionAgents.Runtime.Tests.Tools.Fakes;

/// <summary>
/// A clock fixed at <see cref="Now"/> whose timestamp advances by <paramref name="step"/> on every read, so measured
/// latency is exact. Timers stay real, so timeouts still fire.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset now, TimeSpan step = default) : TimeProvider
{
    private long _ticks;

    public static DateTimeOffset Reference { get; } = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
