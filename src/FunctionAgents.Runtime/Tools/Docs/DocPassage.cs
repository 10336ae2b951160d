namespace FunctionAgents.Runtime.Tools.Docs;

/// <summary>The text under one markdown heading.</summary>
/// <param name="Source">File path relative to the docs folder, with '/' separators.</param>
/// <param name="Title">The document's first top-level heading (or its file name); indexed with every passage.</param>
internal sealed record DocPassage(string Source, string Title, string Heading, string Text);
