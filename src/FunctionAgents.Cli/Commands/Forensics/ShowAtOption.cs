using System.CommandLine.Invocation;
using System.CommandLine;
using System.Text.Json;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>
/// <c>fa runs show &lt;runId&gt; --at N</c>: adds <c>--at</c> to the existing <c>show</c> verb. With it, the verb prints the
/// run as it was after event N (the fold of events 1..N) as JSON, after a line naming event N; without it, <c>show</c>
/// does exactly what it did.
/// </summary>
internal static class ShowAtOption
{
    public static void AddTo(Command show, CliContext context)
    {
        var at = new Option<long?>("--at") { Description = "Show the run's state right after event N (folded from events 1..N), as JSON." };
        show.Options.Add(at);
        var plain = show.Action as AsynchronousCommandLineAction;
        show.SetAction(async (parse, cancellationToken) => parse.GetValue(at) is { } seq
            ? await ShowAtAsync(context, parse, seq, cancellationToken)
            : plain is null ? ExitCodes.Ok : await plain.InvokeAsync(parse, cancellationToken));
    }

    private static async Task<int> ShowAtAsync(CliContext context, ParseResult parse, long seq, CancellationToken cancellationToken)
    {
        if (seq < 1)
        {
            throw CliException.Usage("--at must be a Seq of 1 or more");
        }

        var id = parse.GetValue<string>("runId") ?? throw CliException.Usage("a run id is required");
        await using var source = await ForensicsSource.OpenAsync(context, parse.GetValue<string?>("--journal-file"), parse.GetValue<string?>("--storage"), cancellationToken);
        var events = await source.CallAsync(() => new RunForensics(source.Journal).ReadAsync(parse.GetValue<string?>("--tenant"), id, cancellationToken))
            ?? throw new CliException(ExitCodes.Failed, $"run {id} was not found in {source.Description}");
        if (seq > events.Count)
        {
            throw new CliException(ExitCodes.Failed, $"run {id} has {events.Count} event(s); there is no version {seq}");
        }

        var state = RunEvolver.Fold(events.Take((int)seq));
        var explanation = EventExplainer.Explain(events[(int)seq - 1]);
        await context.Output.WriteLineAsync($"run {id} after event {seq} of {events.Count} ({events[(int)seq - 1].Type}): {explanation.Summary}");
        await context.Output.WriteLineAsync(JsonSerializer.Serialize(state, ForensicsJsonContext.Default.RunState));
        return ExitCodes.Ok;
    }
}
