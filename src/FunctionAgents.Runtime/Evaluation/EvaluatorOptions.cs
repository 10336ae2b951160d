using System.Globalization;

namespace FunctionAgents.Runtime.Evaluation;

/// <summary>How the host's evaluations use evaluators: how many runs per evaluation the judge scores.</summary>
public sealed record EvaluatorOptions(int JudgeSample)
{
    /// <summary>Runs per evaluation scored by the judged evaluators (0 turns them off); default <see cref="NightlyEvaluators.DefaultJudgeSample"/>.</summary>
    public const string JudgeSampleSetting = "FA_EVAL_JUDGE_SAMPLE";

    public static EvaluatorOptions Default { get; } = new(NightlyEvaluators.DefaultJudgeSample);

    /// <exception cref="FormatException">The setting is not a whole number from 0 up; the message names it.</exception>
    public static EvaluatorOptions FromSettings(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var text = getSetting(JudgeSampleSetting);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sample)
            ? new EvaluatorOptions(sample)
            : throw new FormatException($"{JudgeSampleSetting} must be a whole number of runs from 0 up, not '{text}'.");
    }
}
