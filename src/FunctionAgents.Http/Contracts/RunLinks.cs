namespace FunctionAgents.Http.Contracts;

/// <summary>Where to read and act on a run (root-relative).</summary>
public sealed record RunLinks(string Status, string Events, string Cancel);
