using System.Text.Json;

namespace FunctionAgents.Domain.Schema;

/// <summary>
/// Validates JSON values against the subset of JSON Schema the runtime uses for tool inputs and the plan contract.
/// </summary>
/// <remarks>
/// <para>Supported keywords: <c>type</c> (one name or a list of <c>string</c>, <c>integer</c>, <c>number</c>,
/// <c>boolean</c>, <c>object</c>, <c>array</c>, <c>null</c>), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c> (<c>false</c> or a schema), <c>enum</c>, <c>const</c>, <c>minLength</c>,
/// <c>maxLength</c>, <c>pattern</c>, <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>,
/// <c>exclusiveMaximum</c> (numeric form), <c>items</c> (one schema for every element), <c>minItems</c>,
/// <c>maxItems</c> and <c>anyOf</c>. Boolean schemas (<c>true</c>/<c>false</c>) are honoured. Every other keyword,
/// including <c>description</c>, <c>title</c>, <c>format</c> and <c>$ref</c>, is ignored.</para>
/// <para>Semantics follow JSON Schema 2020-12: <c>integer</c> accepts any number without a fractional part
/// (<c>3.0</c> included), string lengths count Unicode code points, <c>pattern</c> is an unanchored
/// .NET regular expression compiled once and matched with a timeout (a timeout is a violation), and
/// <c>enum</c>/<c>const</c> compare JSON values structurally (<c>1</c> equals <c>1.0</c>).</para>
/// <para>A malformed keyword value (say <c>minLength: "x"</c>) is reported as a violation, so a broken
/// schema rejects input instead of silently accepting it.</para>
/// </remarks>
public static class JsonSchemaValidator
{
    /// <summary>
    /// Checks <paramref name="instance"/> against <paramref name="schema"/> and returns every violation found
    /// (an empty list when the instance is valid). Pure: no I/O, safe to call from any thread.
    /// </summary>
    /// <param name="path">JSON path of <paramref name="instance"/>, used as the prefix of every violation path.</param>
    public static IReadOnlyList<SchemaViolation> Validate(JsonElement schema, JsonElement instance, string path = JsonPathText.Root)
    {
        ArgumentNullException.ThrowIfNull(path);
        var walker = new SchemaWalker(isDeferredString: null);
        walker.Validate(schema, instance, path);
        return walker.Violations;
    }

    /// <summary>
    /// As <see cref="Validate(JsonElement, JsonElement, string)"/>, but a string for which
    /// <paramref name="isDeferredString"/> returns true is checked for its type only: its value is not known yet
    /// (a plan's template reference), so <c>enum</c>, <c>const</c>, <c>pattern</c> and length checks are skipped.
    /// </summary>
    internal static IReadOnlyList<SchemaViolation> Validate(
        JsonElement schema, JsonElement instance, string path, Func<string, bool> isDeferredString)
    {
        var walker = new SchemaWalker(isDeferredString);
        walker.Validate(schema, instance, path);
        return walker.Violations;
    }
}
