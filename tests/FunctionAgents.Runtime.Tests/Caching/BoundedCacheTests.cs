using FunctionAgents.Runtime.Caching;

namespace FunctionAgents.Runtime.Tests.Caching;

public sealed class BoundedCacheTests
{
    [Fact]
    public void Set_BeyondCapacity_EvictsTheLeastRecentlyUsed()
    {
        // Arrange
        var cache = new BoundedCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _));

        // Act
        cache.Set("c", 3);

        // Assert: "b" was the least recently used
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.True(cache.TryGet("c", out var c));
        Assert.Equal((1, 3), (a, c));
    }

    [Fact]
    public void TryGet_AfterTheTimeToLive_MissesAndForgets()
    {
        var clock = new SteppedClock();
        var cache = new BoundedCache<string, int>(4, TimeSpan.FromSeconds(30), clock);
        cache.Set("a", 1);

        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Set_AgainForTheSameKey_RestartsItsLifetime()
    {
        var clock = new SteppedClock();
        var cache = new BoundedCache<string, int>(4, TimeSpan.FromSeconds(30), clock);
        cache.Set("a", 1);
        clock.Advance(TimeSpan.FromSeconds(20));
        cache.Set("a", 2);

        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(2, value);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
