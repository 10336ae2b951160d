using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Azure.Telemetry;

/// <summary>Instruments the runtime both hosts build: journal appends and the metrics derived from the journal.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Wraps the registered <see cref="IEventJournal"/> in <see cref="InstrumentedEventJournal"/> (append span, latency,
    /// conflicts) and adds <see cref="TelemetryProjection"/> so run, policy, model and cost metrics come from the
    /// events themselves. Call after the journal is registered; calling twice does not wrap twice.
    /// </summary>
    public static IServiceCollection AddFunctionAgentsJournalTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(TelemetryProjection)))
        {
            return services;
        }

        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IEventJournal))
            ?? throw new InvalidOperationException("Register the journal (AddFunctionAgentsStorage) before AddFunctionAgentsJournalTelemetry.");
        services.Remove(registered);
        services.Add(new ServiceDescriptor(
            typeof(IEventJournal), sp => new InstrumentedEventJournal(Resolve(sp, registered)), registered.Lifetime));
        services.AddSingleton(sp => new TelemetryProjection(sp.GetRequiredService<IEventJournal>()));
        services.AddSingleton<IJournalProjection>(sp => sp.GetRequiredService<TelemetryProjection>());
        return services;
    }

    private static IEventJournal Resolve(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IEventJournal instance } => instance,
        { ImplementationFactory: { } factory } => (IEventJournal)factory(services),
        { ImplementationType: { } type } => (IEventJournal)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The IEventJournal registration has no implementation."),
    };
}
