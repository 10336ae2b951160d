namespace FunctionAgents.Runtime.Caching;

/// <summary>
/// A thread-safe in-process cache holding at most <c>capacity</c> entries, the least recently used leaving first, each
/// entry valid for at most <c>timeToLive</c> after it was stored (null: no expiry). It only saves storage round trips:
/// every user of it must still be correct when an entry is missing, so eviction is never a correctness event.
/// </summary>
/// <typeparam name="TKey">The key (a run id, a table row).</typeparam>
/// <typeparam name="TValue">What is remembered.</typeparam>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly TimeSpan? _timeToLive;
    private readonly TimeProvider _clock;
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries;
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _gate = new();

    /// <param name="capacity">The most entries kept (at least 1).</param>
    /// <param name="timeToLive">How long an entry stays usable after it is stored; null keeps it until evicted.</param>
    /// <param name="clock">The clock expiry is measured on (system time when null).</param>
    public BoundedCache(int capacity, TimeSpan? timeToLive = null, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (timeToLive is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(timeToLive));
        }

        _capacity = capacity;
        _timeToLive = timeToLive;
        _clock = clock ?? TimeProvider.System;
        _entries = new Dictionary<TKey, LinkedListNode<Entry>>(Math.Min(capacity, 1024));
    }

    /// <summary>How many entries are held (expired ones included until they are next looked up or evicted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The entry for <paramref name="key"/> when present and not expired.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (_timeToLive is null || _clock.GetUtcNow() - node.Value.StoredAt < _timeToLive)
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                    value = node.Value.Value;
                    return true;
                }

                _order.Remove(node);
                _entries.Remove(key);
            }

            value = default!;
            return false;
        }
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> (replacing any entry; its lifetime starts now).</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
            }
            else if (_entries.Count >= _capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            var node = _order.AddFirst(new Entry(key, value, _clock.GetUtcNow()));
            _entries[key] = node;
        }
    }

    /// <summary>Forgets <paramref name="key"/>.</summary>
    public void Remove(TKey key)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var node))
            {
                _order.Remove(node);
            }
        }
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _order.Clear();
        }
    }

    private readonly record struct Entry(TKey Key, TValue Value, DateTimeOffset StoredAt);
}
