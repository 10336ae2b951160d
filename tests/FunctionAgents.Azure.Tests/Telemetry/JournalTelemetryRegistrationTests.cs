using FunctionAgents.Azure.Telemetry;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Azure.Tests.Telemetry;

public sealed class JournalTelemetryRegistrationTests
{
    [Fact]
    public void AddFunctionAgentsJournalTelemetry_CalledTwice_WrapsTheJournalOnceAndAddsTheProjection()
    {
        var inner = new InMemoryEventJournal();
        var services = new ServiceCollection().AddSingleton<IEventJournal>(inner);

        services.AddFunctionAgentsJournalTelemetry().AddFunctionAgentsJournalTelemetry();
        using var provider = services.BuildServiceProvider();

        var journal = Assert.IsType<InstrumentedEventJournal>(provider.GetRequiredService<IEventJournal>());
        Assert.Same(inner, journal.Inner);
        Assert.IsType<TelemetryProjection>(Assert.Single(provider.GetServices<IJournalProjection>()));
    }

    [Fact]
    public void AddFunctionAgentsJournalTelemetry_NoJournalYet_ThrowsNamingTheOrder()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddFunctionAgentsJournalTelemetry());

        Assert.Contains("AddFunctionAgentsStorage", ex.Message, StringComparison.Ordinal);
    }
}
