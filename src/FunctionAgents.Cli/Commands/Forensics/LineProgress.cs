namespace FunctionAgents.Cli.Commands.Forensics;

/// <summary>Reports progress as it happens, one line per report that has something to say, in order (unlike <see cref="Progress{T}"/>, which posts later).</summary>
internal sealed class LineProgress<T>(TextWriter output, Func<T, string?> describe) : IProgress<T>
{
    public void Report(T value)
    {
        if (describe(value) is { } line)
        {
            output.WriteLine(line);
        }
    }
}
