namespace FunctionAgents.Domain.Planning;

/// <summary>The shapes a plan contract field can take; each maps to one JSON schema fragment.</summary>
internal enum PlanFieldKind
{
    /// <summary>A string with optional minimum length and pattern.</summary>
    Text,

    /// <summary>An integer with optional bounds.</summary>
    Integer,

    /// <summary>A number with optional bounds.</summary>
    Number,

    /// <summary>An array of strings with optional item count and item length bounds.</summary>
    TextList,

    /// <summary>The plan's steps: an array whose items are step objects, one shape per registered tool.</summary>
    Steps,

    /// <summary>A step's tool: the name of a registered tool.</summary>
    ToolName,

    /// <summary>A step's input: an object matching the chosen tool's input schema.</summary>
    ToolInput,
}
