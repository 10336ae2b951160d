namespace FunctionAgents.Core.Tests.Runs.Fakes;

internal sealed class SimulatedCrashException(string message) : Exception(message);
