using System.Net.Http.Headers;
using System.Text.Json;
using System.Text;
using Azure.Data.Tables.Sas;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Journal;

/// <summary>
/// The journal contract across the switch to Azure.Data.Tables. Journal/Golden/journal-rows-v1.json holds the exact
/// request bodies the hand-written stack sent for three chained events (the third split into Payload, Payload_1 and
/// Payload_2), captured before that stack was deleted. The rows are posted as they are, over plain HTTP with a SAS,
/// so nothing of today's code shapes them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class JournalGoldenTests(AzuriteFixture azurite)
{
    private const string RunId = "run-golden-v1";

    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task RowsInThePreSdkFormat_AreReadAndVerifiedByTheSdkJournal()
    {
        // Arrange
        var journal = await NewJournalAsync();
        foreach (var row in GoldenRows())
        {
            await PostRawAsync(journal.TableName, row);
        }

        // Act
        var verification = await journal.VerifyChainAsync(RunId);
        var read = await journal.ReadAsync(RunId).ToListAsync();

        // Assert
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(3, verification.EventsChecked);
        Assert.Equal(GoldenEvents(), read);
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public async Task RowsWrittenByTheSdkJournal_HaveExactlyThePreSdkNamesTypesAndValues()
    {
        // Arrange
        var oldFormat = await NewJournalAsync();
        foreach (var row in GoldenRows())
        {
            await PostRawAsync(oldFormat.TableName, row);
        }

        var newFormat = await NewJournalAsync();
        var events = GoldenEvents();

        // Act
        await newFormat.AppendAsync(RunId, 1, events.Take(2).ToList());
        await newFormat.AppendAsync(RunId, 3, events.Skip(2).ToList());
        var written = await ReadRawAsync(newFormat.TableName);
        var golden = await ReadRawAsync(oldFormat.TableName);

        // Assert
        Assert.Equal(3, written.Count);
        Assert.Equal(golden, written);
        var fixtureNames = GoldenRows().Select(r => r.EnumerateObject().Select(p => p.Name).Where(n => !n.Contains('@', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()).ToList();
        Assert.Equal(fixtureNames, written.Select(r => r.Keys.Append("PartitionKey").Append("RowKey").Order(StringComparer.Ordinal).ToList()).ToList());
        Assert.Equal("Edm.DateTime 2025-06-01T12:30:45.1234567Z", written[0]["EventTime"]);
        Assert.Equal("Edm.Int64 1", written[1]["CausationSeq"]);
        Assert.Equal(32_000, written[2]["Payload"].Length - "Edm.String ".Length);
        Assert.True(written[2].ContainsKey("Payload_2"));
    }

    /// <summary>The events the fixture was captured from (same inputs as when it was written).</summary>
    private static IReadOnlyList<RunEvent> GoldenEvents()
    {
        var small = JournalTestEvents.Make(RunId, 2);
        var big = JournalTestEvents.Make(RunId, 1, 3, small[^1].Hash, text: string.Concat(Enumerable.Repeat("golden ü \"q\" ", 3000)));
        return [.. small, .. big];
    }

    private static List<JsonElement> GoldenRows()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Journal", "Golden", "journal-rows-v1.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private async Task<TableEventJournal> NewJournalAsync()
    {
        var journal = new TableEventJournal(_client, AzuriteFixture.NewTableName("golden"));
        await journal.CreateTableIfNotExistsAsync();
        return journal;
    }

    private Uri Sas(string table) => _client.Table(table).GenerateSasUri(TableSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1));

    private async Task PostRawAsync(string table, JsonElement row)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Sas(table));
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add("Prefer", "return-no-content");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json;odata=minimalmetadata"));
        request.Content = new StringContent(row.GetRawText(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Raw insert failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every row of the run as the service reports it with full metadata: property name to "EDM type, raw JSON value".</summary>
    private async Task<List<SortedDictionary<string, string>>> ReadRawAsync(string table)
    {
        var sas = Sas(table);
        var uri = new UriBuilder(sas) { Path = sas.AbsolutePath + "()", Query = sas.Query.TrimStart('?') + "&$filter=" + Uri.EscapeDataString($"PartitionKey eq '{RunId}'") }.Uri;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json;odata=fullmetadata"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("value").EnumerateArray().Select(Shape).ToList();
    }

    private static SortedDictionary<string, string> Shape(JsonElement row)
    {
        var shape = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in row.EnumerateObject())
        {
            var name = property.Name;
            if (name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal) || name is "PartitionKey" or "RowKey" or "Timestamp")
            {
                continue;
            }

            var type = row.TryGetProperty(name + "@odata.type", out var annotation) ? annotation.GetString()! : property.Value.ValueKind switch
            {
                JsonValueKind.String => "Edm.String",
                JsonValueKind.Number => "Edm.Int32",
                JsonValueKind.True or JsonValueKind.False => "Edm.Boolean",
                _ => "unknown " + property.Value.ValueKind,
            };
            shape[name] = type + " " + (property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText());
        }

        return shape;
    }
}
