using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class RequestValidationTests(HostFixture fixture)
{
    private readonly HttpClient _client = fixture.Shared.Client();

    [Fact]
    public async Task StartRun_MalformedJson_Answers400SayingSo()
    {
        var (_, body, response) = await Api.PostAsync(_client, "/api/runs", """{"goal": "x",""");

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.EndsWith("malformed-json", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"goal":"refund?","budgetUsd":"lots"}""", "budgetUsd")]
    [InlineData("""{"goal":"refund?","maxSteps":2.5}""", "maxSteps")]
    [InlineData("""{"goal":42}""", "goal")]
    [InlineData("""{"goal":"refund?","metadata":{"channel":7}}""", "metadata.channel")]
    [InlineData("""{"goal":"refund?","metadata":[1]}""", "metadata")]
    [InlineData("""{"goal":"refund?","correlationId":true}""", "correlationId")]
    public async Task StartRun_WrongType_Answers400NamingTheField(string json, string field)
    {
        var (_, body, response) = await Api.PostAsync(_client, "/api/runs", json);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        var messages = body.GetProperty("errors").GetProperty(field);
        Assert.Contains(field, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"goal":"refund?","maxSteps":0}""", "maxSteps")]
    [InlineData("""{"goal":"refund?","budgetUsd":500}""", "budgetUsd")]
    [InlineData("""{"goal":"   "}""", "goal")]
    [InlineData("""{"maxSteps":3}""", "goal")]
    [InlineData("""{"goal":"refund?","correlationId":"has spaces"}""", "correlationId")]
    [InlineData("""[1,2]""", "$")]
    public async Task StartRun_InvalidValue_Answers400NamingTheField(string json, string field)
    {
        var (_, body, response) = await Api.PostAsync(_client, "/api/runs", json);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task StartRun_UnknownProperty_Answers400NamingIt()
    {
        var (_, body, response) = await Api.PostAsync(_client, "/api/runs", """{"goal":"refund?","priority":"high"}""");

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.Contains("not a known property", body.GetProperty("errors").GetProperty("priority")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_BadIdempotencyKey_Answers400NamingTheHeader()
    {
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "not a valid key!" };

        var (_, body, response) = await Api.PostAsync(_client, "/api/runs", """{"goal":"refund?"}""", headers);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), body.ToString());
    }

    [Fact]
    public async Task StartRun_NotJsonContentType_Answers415()
    {
        var (_, body, response) = await Api.SendAsync(_client, HttpMethod.Post, "/api/runs", """{"goal":"refund?"}""", "text/plain");

        Api.AssertProblem(response, body, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task StartRun_BodyOver256KiB_Answers413()
    {
        var json = "{\"goal\":\"" + new string('a', 300 * 1024) + "\"}";

        var (_, body, response) = await Api.PostAsync(_client, "/api/runs", json);

        Api.AssertProblem(response, body, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task StartRun_ChunkedBodyOver256KiB_Answers413WhileReading()
    {
        // No Content-Length: the limit must hold while the body is read.
        var bytes = Encoding.UTF8.GetBytes("{\"goal\":\"" + new string('a', 300 * 1024) + "\"}");
        using var content = new StreamContent(new UnseekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StartRun_EmptyBody_Answers400()
    {
        var (_, body, response) = await Api.PostAsync(_client, "/api/runs", string.Empty);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownRoute_Answers404ProblemJson()
    {
        var (_, body, response) = await Api.GetAsync(_client, "/api/nothing-here");

        Api.AssertProblem(response, body, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("from=yesterday", "from")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("continuationToken=bm9wZQ", "continuationToken")]
    [InlineData("continuationToken=%%%", "continuationToken")]
    public async Task ListRuns_BadQuery_Answers400NamingTheParameter(string query, string field)
    {
        var (_, body, response) = await Api.GetAsync(_client, "/api/runs?" + query);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
