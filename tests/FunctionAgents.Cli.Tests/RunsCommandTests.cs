using FunctionAgents.Cli.Tests.Support;

namespace FunctionAgents.Cli.Tests;

public sealed class RunsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task List_JournalFile_ListsEveryRunOfTheWindow()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);

        var result = await Fa.RunAsync("runs", "list", "--journal-file", journal, "--from", "2026-11-20", "--to", "2026-11-20");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{RealRuns.Goals.Length} run(s) created 2026-11-20..2026-11-20", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TenantAndStatus_Filter()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);

        var result = await Fa.RunAsync("runs", "list", "--journal-file", journal, "--tenant", "globex", "--status", "completed", "--from", "2026-11-20", "--to", "2026-11-20");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 run(s)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_KnownRun_PrintsStateStepsAndEvents()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);
        var runId = Domain.Events.EventSerializer.DeserializeEvent(File.ReadLines(journal).First()).RunId;

        var result = await Fa.RunAsync("runs", "show", runId, "--journal-file", journal);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("status   completed", result.Output, StringComparison.Ordinal);
        Assert.Contains("RunStarted", result.Output, StringComparison.Ordinal);
        Assert.Contains("RunCompleted", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownRunOrOtherTenant_IsOneLineAndExit1()
    {
        var journal = await RealRuns.ExportAsync(_temp.Path);
        var runId = Domain.Events.EventSerializer.DeserializeEvent(File.ReadLines(journal).First()).RunId;

        (await Fa.RunAsync("runs", "show", "run-nope", "--journal-file", journal)).AssertOneLineError(1);
        (await Fa.RunAsync("runs", "show", runId, "--tenant", "someone-else", "--journal-file", journal)).AssertOneLineError(1);
    }

    [Fact]
    public async Task List_UnreachableStorage_IsOneLineAndExit1()
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        };

        var result = await Fa.RunAsync(["runs", "list", "--tenant", "acme"], settings);

        result.AssertOneLineError(1);
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
    }
}
