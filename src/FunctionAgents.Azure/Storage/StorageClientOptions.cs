using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// How the SDK clients that <see cref="StorageClientFactory"/> builds retry, plus extra Azure.Core pipeline
/// policies (fault injection, request counting). Defaults: 5 attempts in all, exponential backoff from
/// 200 ms up to 10 s.
/// </summary>
public sealed class StorageClientOptions
{
    private readonly List<(HttpPipelinePolicy Policy, HttpPipelinePosition Position)> _policies = [];

    /// <summary>The total number of attempts per request (1 = no retry).</summary>
    public int MaxAttempts
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 5;

    /// <summary>The first retry's delay; later ones grow exponentially.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The policies added with <see cref="AddPolicy"/>, in order.</summary>
    internal IReadOnlyList<(HttpPipelinePolicy Policy, HttpPipelinePosition Position)> Policies => _policies;

    /// <summary>Adds a policy to every client's pipeline at <paramref name="position"/>.</summary>
    public void AddPolicy(HttpPipelinePolicy policy, HttpPipelinePosition position)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policies.Add((policy, position));
    }

    /// <summary>Copies retries and policies onto an SDK client's options.</summary>
    internal T Apply<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = MaxAttempts - 1;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        foreach (var (policy, position) in _policies)
        {
            options.AddPolicy(policy, position);
        }

        return options;
    }
}
