using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Schema;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tools;

/// <summary>
/// Runs one tool call and turns whatever happens into a <see cref="ToolObservation"/>: it validates the input
/// against the tool's schema, enforces the tool's timeout (even when the tool ignores its token) and the
/// caller's cancellation, caps the output, and never lets a tool's failure escape as an exception.
/// </summary>
public sealed class ToolExecutor : IToolRunner
{
    private const int MaxMessageLength = 1000;

    private readonly IToolCatalog _catalog;
    private readonly TimeProvider _time;

    /// <param name="timeProvider">Measures latency and drives the timeout.</param>
    public ToolExecutor(IToolCatalog catalog, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _catalog = catalog;
        _time = timeProvider;
    }

    /// <summary>
    /// Dispatches <paramref name="toolName"/> with <paramref name="invocation"/>. Always returns an observation;
    /// failures carry one of the <see cref="ToolErrorCodes"/>. Cancelling <paramref name="cancellationToken"/>
    /// yields a <see cref="ToolErrorCodes.Cancelled"/> observation rather than an exception.
    /// </summary>
    public async Task<ToolObservation> ExecuteAsync(
        ToolInvocation invocation, string toolName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var started = _time.GetTimestamp();

        if (toolName is null || !_catalog.TryGet(toolName, out var tool))
        {
            return Failed(started, ToolErrorCodes.UnknownTool, $"No tool named '{toolName}' is registered.");
        }

        var violations = JsonSchemaValidator.Validate(tool.InputSchema, invocation.Input);
        if (violations.Count > 0)
        {
            var listed = string.Join("; ", violations.Select(v => $"{v.Path}: {v.Message}"));
            return Failed(started, ToolErrorCodes.InvalidInput, $"Input does not match the schema of {tool.Name}: {listed}");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Never start a tool (and its side effects) for a dispatch the caller has already given up on.
            return Failed(started, ToolErrorCodes.Cancelled, $"The dispatch of {tool.Name} was cancelled before it started.");
        }

        using var timeout = new CancellationTokenSource(tool.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        // Task.Run keeps a tool that blocks before its first await from blocking the caller past the timeout.
        var running = Task.Run(() => tool.ExecuteAsync(invocation, linked.Token), CancellationToken.None);
        try
        {
            var output = await running.WaitAsync(linked.Token).ConfigureAwait(false);
            if (output.ValueKind == JsonValueKind.Undefined)
            {
                return Failed(started, ToolErrorCodes.ToolFailure, $"Tool {tool.Name} returned no output.");
            }

            var (capped, truncated) = ToolOutputCap.Apply(output, tool.OutputCapBytes);
            return new ToolObservation(true, capped, null, ElapsedMs(started), truncated);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon(running);
            return Failed(started, ToolErrorCodes.Cancelled, $"The dispatch of {tool.Name} was cancelled by the caller.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Abandon(running);
            var seconds = tool.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Failed(started, ToolErrorCodes.Timeout, $"Tool {tool.Name} did not finish within {seconds} s.");
        }
        catch (ToolRefusedException ex)
        {
            return Failed(started, ToolErrorCodes.Refused, Describe(ex));
        }
        catch (ToolInputException ex)
        {
            return Failed(started, ToolErrorCodes.InvalidInput, Describe(ex));
        }
        // The executor's contract: whatever a tool throws becomes an observation, never an exception.
        catch (Exception ex)
        {
            return Failed(started, ToolErrorCodes.ToolFailure, Describe(ex));
        }
    }

    private ToolObservation Failed(long started, string code, string message) =>
        new(false, null, new ToolError(code, message), ElapsedMs(started), false);

    private long ElapsedMs(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;

    private static string Describe(Exception ex)
    {
        var message = string.IsNullOrWhiteSpace(ex.Message) ? ex.GetType().Name : ex.Message;
        return message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength), "…");
    }

    /// <summary>Observes the fault of a tool left running after a timeout, so it never surfaces as unobserved.</summary>
    private static void Abandon(Task running) =>
        running.ContinueWith(
            static t => _ = t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
