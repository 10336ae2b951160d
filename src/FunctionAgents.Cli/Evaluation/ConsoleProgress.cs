using System.Globalization;
using FunctionAgents.Runtime.Evaluation;

namespace FunctionAgents.Cli.Evaluation;

/// <summary>
/// Evaluation progress for a person: on a terminal a bar redrawn in place (days done, runs scored so far); otherwise a
/// plain line whenever the day or the run count changes, so logs stay readable.
/// </summary>
internal sealed class ConsoleProgress(TextWriter output, bool interactive) : IProgress<EvaluationProgress>
{
    private const int Width = 24;
    private EvaluationProgress? _last;

    public void Report(EvaluationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value == _last)
        {
            return;
        }

        _last = value;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"day {value.Day}/{value.Days} ({value.Date:yyyy-MM-dd}): {value.RunsScored} run(s) scored, {value.RunsSkipped} skipped");
        if (!interactive)
        {
            output.WriteLine(text);
            return;
        }

        var filled = Width * value.Day / value.Days;
        output.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {text}   ");
    }

    /// <summary>Ends the bar's line on a terminal.</summary>
    public void Finish()
    {
        if (interactive)
        {
            output.WriteLine();
        }
    }
}
