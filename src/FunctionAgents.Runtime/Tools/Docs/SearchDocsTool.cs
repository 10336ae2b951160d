using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tools.Docs;

/// <summary>
/// <c>search_docs</c>: BM25 search over the markdown documents of one folder. Each passage is the text under one
/// heading. Output: <c>{ results: [ { source, heading, score, text } ] }</c>, best first; <c>source</c> is the file
/// path relative to the folder. The index is built once per folder and reused.
/// </summary>
public sealed class SearchDocsTool : ITool
{
    private const int DefaultTopK = 3;
    private const int MaxTopK = 10;
    private const int MaxQueryLength = 500;

    private static readonly JsonElement Schema = ToolJson.Parse("""
        {
          "type": "object",
          "properties": {
            "query": {
              "type": "string",
              "description": "What to look for in the shop's policy and runbook documents, in plain words (e.g. \"refund window EU customers\"). At most 500 characters.",
              "pattern": "\\S"
            },
            "top_k": {
              "type": ["integer", "null"],
              "description": "How many passages to return, 1 to 10; null returns 3.",
              "minimum": 1,
              "maximum": 10
            }
          },
          "required": ["query", "top_k"],
          "additionalProperties": false
        }
        """);

    private readonly string _folder;
    private readonly ToolLimits _limits;

    /// <param name="docsFolder">Folder of <c>*.md</c> files (searched recursively).</param>
    /// <param name="limits">Defaults to <see cref="DefaultLimits"/>.</param>
    public SearchDocsTool(string docsFolder, ToolLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docsFolder);
        _folder = docsFolder;
        _limits = limits ?? DefaultLimits;
    }

    /// <summary>5 s, 0.0005 USD per call, 16 KiB of output.</summary>
    public static ToolLimits DefaultLimits { get; } = new(TimeSpan.FromSeconds(5), 0.0005m, 16 * 1024);

    public string Name => "search_docs";

    public string Description =>
        "Searches Kestrel Goods' policy documents and runbooks (refunds, returns, shipping, payment, warranty, privacy, "
        + "security, on-call, escalation, support hours) and returns the best-matching passages with source file, heading and score.";

    public JsonElement InputSchema => Schema;

    public TimeSpan Timeout => _limits.Timeout;

    public decimal CostPerCallUsd => _limits.CostPerCallUsd;

    public int OutputCapBytes => _limits.OutputCapBytes;

    public Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var query = ToolJson.RequiredString(invocation.Input, "query", MaxQueryLength);
        var topK = ToolJson.OptionalInt(invocation.Input, "top_k", DefaultTopK, 1, MaxTopK);
        cancellationToken.ThrowIfCancellationRequested();

        var hits = Bm25IndexCache.Get(_folder).Search(query, topK);
        var output = ToolJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var (passage, score) in hits)
            {
                writer.WriteStartObject();
                writer.WriteString("source", passage.Source);
                writer.WriteString("heading", passage.Heading);
                writer.WriteNumber("score", Math.Round(score, 4));
                writer.WriteString("text", passage.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return Task.FromResult(output);
    }
}
