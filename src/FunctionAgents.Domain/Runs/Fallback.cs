using System.Globalization;
using System.Text;

namespace FunctionAgents.Domain.Runs;

/// <summary>The deterministic message a user gets when a run ends without an answer.</summary>
public static class Fallback
{
    public static string For(RunState state, string reason)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"I could not complete this request: {reason}.");
        var executed = state.Steps.Where(s => s.Phase == StepPhase.Executed).Select(s => $"{s.Id} ({s.Tool})").ToList();
        if (executed.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Steps completed before stopping: {string.Join(", ", executed)}.");
        }

        text.Append(CultureInfo.InvariantCulture, $" A person can review run {state.RunId} in the journal.");
        return text.ToString();
    }
}
