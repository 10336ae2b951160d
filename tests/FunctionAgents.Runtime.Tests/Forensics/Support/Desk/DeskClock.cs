namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

/// <summary>Engine time that moves a little on every reading, so consecutive batches get distinct times.</summary>
internal sealed class DeskClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        _now = _now.AddMilliseconds(250);
        return _now;
    }

    public void Jump(TimeSpan by) => _now += by;
}
