using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FunctionAgents.Host.Demo;

/// <summary>
/// <c>--demo</c>: with the host started on a free loopback port, runs <see cref="DemoClient"/> against it over
/// real HTTP, within <see cref="TimeLimit"/>. Exit code 0 when the run completed and its chain verified.
/// </summary>
internal static class DemoRunner
{
    public const string Tenant = "demo";

    /// <summary>The configuration entry that hands the demo tenant's generated key from the builder to the client.</summary>
    public const string KeySetting = "FA_DEMO_KEY";

    public const string Goal =
        "A customer in Germany asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer";

    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);

    public static string NewKey() => "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The host has no listening address.");
        using var timeout = new CancellationTokenSource(TimeLimit);
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-functions-key", app.Configuration[KeySetting]);
        var client = new DemoClient(http, app.Services, Console.Out);
        try
        {
            return await client.RunAsync(Goal, timeout.Token) ? 0 : 1;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"demo failed: the run did not finish within {TimeLimit.TotalMinutes:0} minutes.");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or DemoFailedException)
        {
            await Console.Error.WriteLineAsync("demo failed: " + ex.Message);
            return 1;
        }
    }
}
