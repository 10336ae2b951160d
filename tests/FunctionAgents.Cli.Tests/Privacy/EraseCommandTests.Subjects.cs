using Azure.Data.Tables;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing;

namespace FunctionAgents.Cli.Tests.Privacy;

/// <summary><c>fa subjects find</c> against Azurite: the runs a person appears in, for an access request.</summary>
public sealed partial class EraseCommandTests
{
    [Fact]
    public async Task Find_WithoutAnAdminKey_ExitsTwoWithTheReason()
    {
        // Act
        var result = await Fa.RunAsync(["subjects", "find", "--subject", "anna@example.de", "--tenant", "alpha", "--storage", _azurite.ConnectionString], Settings(withKey: false));

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("admin key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_PersonLinkedToRuns_ListsThemOneALineAndAnUnknownSubjectExitsOne()
    {
        // Arrange: two runs with keys of their own that revealed Anna, one that did not
        var keys = KeyStore();
        foreach (var runId in new[] { "run-1", "run-2", "run-3" })
        {
            var key = (await keys.GetOrCreateRunKeyAsync("alpha", runId)).Key!;
            if (runId != "run-2")
            {
                await keys.LinkAsync("alpha", runId, key.KeyId, ["anna@example.de"]);
            }
        }

        // Act
        var found = await Fa.RunAsync(["subjects", "find", "--subject", "ANNA@example.de", "--tenant", "alpha", "--storage", _azurite.ConnectionString], Settings());
        var unknown = await Fa.RunAsync(["subjects", "find", "--subject", "nobody@example.de", "--tenant", "alpha", "--storage", _azurite.ConnectionString], Settings());

        // Assert
        Assert.True(found.ExitCode == 0, found.Error);
        Assert.Equal(["run-1", "run-3"], found.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("appears in 2 run(s)", found.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("anna", found.Output + found.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no personal data of this subject", unknown.Error, StringComparison.Ordinal);
    }
}
