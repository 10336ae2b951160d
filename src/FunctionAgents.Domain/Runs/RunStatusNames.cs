
namespace FunctionAgents.Domain.Runs;

/// <summary>The wire names of <see cref="RunStatus"/> (<c>running</c>, <c>awaiting_approval</c>, …), for query strings and table columns.</summary>
public static class RunStatusNames
{
    private static readonly Dictionary<RunStatus, string> Names = new()
    {
        [RunStatus.NotStarted] = "not_started",
        [RunStatus.Running] = "running",
        [RunStatus.AwaitingApproval] = "awaiting_approval",
        [RunStatus.Completed] = "completed",
        [RunStatus.Failed] = "failed",
        [RunStatus.Cancelled] = "cancelled",
    };

    /// <summary>The statuses a client can filter on (all but not_started).</summary>
    public static IReadOnlyList<string> Listable { get; } = ["running", "awaiting_approval", "completed", "failed", "cancelled"];

    public static string ToName(RunStatus status) => Names[status];

    public static bool TryParse(string? name, out RunStatus status)
    {
        foreach (var (value, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.Ordinal))
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }
}
