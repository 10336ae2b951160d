using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Responses;

/// <summary>The drafted answer, the sources it cites, and any model calls made to write it.</summary>
public sealed record ResponseResult(string Text, IReadOnlyList<string> Sources, string Builder, IReadOnlyList<ModelCalled> ModelCalls);
