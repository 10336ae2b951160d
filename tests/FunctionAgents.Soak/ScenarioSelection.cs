namespace FunctionAgents.Soak;

/// <summary>
/// The suite's command line, <c>[--quick] [--scale &lt;fraction&gt;] [--only &lt;scenario&gt;[,&lt;scenario&gt;...]]</c> (<c>--only</c> may repeat),
/// checked before anything starts. A suite that runs nothing must never pass, so an unknown argument, an unknown
/// scenario name or an empty selection is a usage error (<see cref="UsageExitCode"/>) that names the known scenarios.
/// </summary>
internal sealed record ScenarioSelection(bool Quick, IReadOnlyList<string> Names, string? Error)
{
    /// <summary>
    /// <c>--scale &lt;fraction&gt;</c> (0 &lt; fraction &lt;= 1): the full counts times this, for a full run that cannot
    /// finish in its time slot on a loaded machine; each scenario reports the counts it ran. 1 without the option.
    /// </summary>
    public double Scale { get; init; } = 1;

    /// <summary>The exit code of a usage error: nothing ran, so nothing passed.</summary>
    public const int UsageExitCode = 2;

    /// <summary>
    /// The scenarios <paramref name="args"/> select, in <paramref name="known"/> order (all of them without
    /// <c>--only</c>); <see cref="Error"/> says why there are none when the arguments are wrong.
    /// </summary>
    public static ScenarioSelection Parse(IReadOnlyList<string> args, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(known);
        var quick = false;
        var scale = 1.0;
        List<string>? only = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        return Fail(quick, $"--only needs a scenario name; known scenarios: {List(known)}.");
                    }

                    only ??= [];
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--scale":
                    if (i + 1 >= args.Count
                        || !double.TryParse(args[i + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out scale)
                        || !(scale > 0 && scale <= 1))
                    {
                        return Fail(quick, "--scale needs a fraction of the full counts, greater than 0 and at most 1 (e.g. --scale 0.1).");
                    }

                    i++;
                    break;
                default:
                    return Fail(quick, $"unknown argument '{args[i]}'; usage: soak.sh [--quick] [--scale <fraction>] [--only <scenario>[,<scenario>...]].");
            }
        }

        if (only is null)
        {
            return known.Count == 0 ? Fail(quick, "no scenarios are registered.") : new ScenarioSelection(quick, known, null) { Scale = scale };
        }

        var unknown = only.Where(name => !known.Contains(name, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return Fail(quick, $"unknown scenario{(unknown.Count == 1 ? string.Empty : "s")} {List(unknown)}; known scenarios: {List(known)}.");
        }

        var selected = known.Where(name => only.Contains(name, StringComparer.Ordinal)).ToList();
        return selected.Count == 0
            ? Fail(quick, $"--only selected no scenario; known scenarios: {List(known)}.")
            : new ScenarioSelection(quick, selected, null) { Scale = scale };
    }

    /// <summary>
    /// The exit code for what ran: the number of failed scenarios, or <see cref="UsageExitCode"/> with a reason when
    /// fewer results came back than scenarios were selected (an empty run never passes).
    /// </summary>
    public int ExitCode(IReadOnlyCollection<ScenarioResult> results, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0 || results.Count < Names.Count)
        {
            reason = $"{results.Count} of {Names.Count} selected scenarios reported a result; a run that checked nothing does not pass.";
            return UsageExitCode;
        }

        reason = null;
        return results.Count(r => !r.Passed);
    }

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static ScenarioSelection Fail(bool quick, string error) => new(quick, [], error);
}
