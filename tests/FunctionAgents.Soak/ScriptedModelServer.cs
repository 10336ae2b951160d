using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionAgents.Testing;

namespace FunctionAgents.Soak;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 that the child host calls as its model
/// (<c>FA_MODEL_CLIENT=openai</c>). It answers from scripts keyed by a tag in the run's goal (<c>[soak:tag]</c>), so
/// many concurrent runs each get their own behaviour: a plan that obeys an injection, a huge token bill, a slow reply.
/// </summary>
internal sealed partial class ScriptedModelServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, ModelScript> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public ScriptedModelServer() => _server = new LoopbackHttpServer(AnswerAsync);

    public Uri Root => _server.Root;

    /// <summary>The child host's settings that make it plan and answer through this server.</summary>
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["FA_MODEL_CLIENT"] = "openai",
        ["AZURE_OPENAI_ENDPOINT"] = new Uri(Root, "v1/").ToString(),
        ["AZURE_OPENAI_API_KEY"] = "soak-scripted-model",
        ["AZURE_OPENAI_PLANNER_DEPLOYMENT"] = "gpt-4.1-mini",
        ["AZURE_OPENAI_ANSWER_DEPLOYMENT"] = "gpt-4.1",
        ["AZURE_OPENAI_PLANNER_MODEL"] = "gpt-4.1-mini",
        ["AZURE_OPENAI_ANSWER_MODEL"] = "gpt-4.1",
        ["FA_MODEL_MAX_RETRIES"] = "0",
    };

    /// <summary>Registers the behaviour of runs whose goal carries <c>[soak:<paramref name="tag"/>]</c>.</summary>
    public void Script(string tag, ModelScript script) => _scripts[tag] = script;

    /// <summary>How many model calls runs with this tag made.</summary>
    public int Calls(string tag) => _calls.GetValueOrDefault(tag);

    public static string Tagged(string tag, string goal) => $"[soak:{tag}] {goal}";

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken stopping)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(stopping);
        }

        var (status, reply, delay) = Reply(JsonNode.Parse(body)!);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, stopping);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(reply);
        await context.Response.OutputStream.WriteAsync(bytes, stopping);
        context.Response.Close();
    }

    /// <summary>Picks the script from the goal's tag and answers as chat.completion with the script's usage.</summary>
    private (int Status, string Body, TimeSpan Delay) Reply(JsonNode request)
    {
        var messages = request["messages"]!.AsArray();
        var user = messages.Where(m => (string?)m!["role"] == "user").Select(m => Content(m!)).FirstOrDefault() ?? string.Empty;
        var isPlan = request["response_format"]?["json_schema"]?["name"]?.GetValue<string>() == "agent_plan";
        var tag = TagPattern().Match(user) is { Success: true } m ? m.Groups[1].Value : string.Empty;
        _calls.AddOrUpdate(tag, 1, (_, n) => n + 1);
        if (!_scripts.TryGetValue(tag, out var script))
        {
            return (500, """{"error":{"code":"unscripted","message":"no script for this goal"}}""", TimeSpan.Zero);
        }

        var runId = RunIdPattern().Match(user) is { Success: true } r ? r.Groups[1].Value : string.Empty;
        var content = isPlan ? script.Plan(runId) : JsonSerializer.Serialize(new { answer = script.Answer, sources = Array.Empty<string>() });
        var promptTokens = isPlan ? script.PromptTokens : script.AnswerPromptTokens ?? script.PromptTokens;
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-soak",
            ["object"] = "chat.completion",
            ["created"] = 1_767_225_600,
            ["model"] = isPlan ? "gpt-4.1-mini" : "gpt-4.1",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = script.CompletionTokens,
                ["total_tokens"] = promptTokens + script.CompletionTokens,
            },
        };
        return (200, completion.ToJsonString(), script.Delay);
    }

    private static string Content(JsonNode message) => message["content"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"])),
        _ => string.Empty,
    };

    [GeneratedRegex(@"\[soak:([a-z0-9\-]+)\]")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"Run id: (\S+)")]
    private static partial Regex RunIdPattern();
}
