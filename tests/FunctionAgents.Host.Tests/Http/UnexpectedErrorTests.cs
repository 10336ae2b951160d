using System.Net;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class UnexpectedErrorTests(HostFixture fixture)
{
    [Fact]
    public async Task GetRun_IndexThrowsUnexpectedly_Answers500ProblemWithoutInternals()
    {
        await using var host = fixture.CreateHost(services: s => s.AddSingleton<IRunIndex, BrokenIndex>());
        using var client = host.Client();

        var (_, body, response) = await Api.GetAsync(client, "/api/runs/run-1");

        Api.AssertProblem(response, body, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret detail", body.ToString(), StringComparison.Ordinal);
    }

    private sealed class BrokenIndex : IRunIndex
    {
        public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default) => throw Broken();

        public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default) => throw Broken();

        public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) => throw Broken();

        public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) => throw Broken();

        public IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default) => throw Broken();

        public IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<RunSummary>();

        private static InvalidOperationException Broken() => new("secret detail");
    }
}
