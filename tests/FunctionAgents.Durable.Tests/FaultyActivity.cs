using Microsoft.DurableTask;

namespace FunctionAgents.Durable.Tests;

/// <summary>Wraps a real activity and throws before or after it runs when the predicate says so.</summary>
internal sealed class FaultyActivity(ITaskActivity inner, Func<bool>? beforeRun = null, Func<bool>? afterRun = null) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        if (beforeRun?.Invoke() == true)
        {
            throw new InvalidOperationException("injected fault before the step");
        }

        var result = await inner.RunAsync(context, input);
        if (afterRun?.Invoke() == true)
        {
            throw new InvalidOperationException("injected fault after the step was appended");
        }

        return result;
    }
}
