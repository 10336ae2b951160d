using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing.Stores;

namespace FunctionAgents.Runtime.Tests.Privacy;

public sealed class SubjectEraserTests
{
    private readonly InMemoryDataKeyStore _keys = new();
    private readonly InMemoryErasureLog _log = new();

    [Fact]
    public async Task EraseAsync_UnknownSubject_IsNotFoundAndLogsNothing()
    {
        // Act
        var outcome = await new SubjectEraser(_keys, _log, TimeProvider.System).EraseAsync("tenant-a", "nobody@example.com", "admin:ops");

        // Assert
        Assert.Equal(ErasureStatus.NotFound, outcome.Status);
        Assert.Null(outcome.Record);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task EraseAsync_Twice_SecondIsAlreadyErasedWithTheFirstRecord()
    {
        // Arrange
        await _keys.GetOrCreateAsync("tenant-a", "cust-42", "run-1");
        await _keys.GetOrCreateAsync("tenant-a", "cust-42", "run-2");
        var eraser = new SubjectEraser(_keys, _log, TimeProvider.System);

        // Act
        var first = await eraser.EraseAsync("tenant-a", "cust-42", "admin:ops");
        var second = await eraser.EraseAsync("tenant-a", " CUST-42 ", "admin:someone-else");

        // Assert
        Assert.Equal(ErasureStatus.Erased, first.Status);
        Assert.Equal(["run-1", "run-2"], first.Record!.RunIds);
        Assert.Equal(ErasureStatus.AlreadyErased, second.Status);
        Assert.Equal(first.Record, second.Record);
        Assert.Single(await ListAsync());
    }

    [Fact]
    public async Task EraseAsync_SameSubjectInAnotherTenant_IsNotFound()
    {
        // Arrange
        await _keys.GetOrCreateAsync("tenant-a", "cust-42", "run-1");

        // Act
        var outcome = await new SubjectEraser(_keys, _log, TimeProvider.System).EraseAsync("tenant-b", "cust-42", "admin:ops");

        // Assert
        Assert.Equal(ErasureStatus.NotFound, outcome.Status);
    }

    [Fact]
    public async Task EraseAsync_Subject_RecordNamesTheReferenceNeverTheSubject()
    {
        // Arrange
        await _keys.GetOrCreateAsync("tenant-a", "anna@example.de", "run-1");

        // Act
        var outcome = await new SubjectEraser(_keys, _log, TimeProvider.System).EraseAsync("tenant-a", "anna@example.de", "admin:ops");

        // Assert
        Assert.Equal(SubjectIds.Reference("tenant-a", "anna@example.de"), outcome.Record!.SubjectRef);
        Assert.DoesNotContain("anna", outcome.Record.SubjectRef, StringComparison.Ordinal);
    }

    private async Task<List<ErasureRecord>> ListAsync()
    {
        var records = new List<ErasureRecord>();
        await foreach (var r in _log.ListAsync(null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
        {
            records.Add(r);
        }

        return records;
    }
}
