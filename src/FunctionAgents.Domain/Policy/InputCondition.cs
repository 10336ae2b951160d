using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Policy;

/// <summary>A compiled <c>input</c> matcher: resolves its dotted field path in the tool input and applies its operator.</summary>
internal sealed class InputCondition : IRuleCondition
{
    private readonly string[] _path;
    private readonly InputOperator _operator;
    private readonly string _text;
    private readonly IReadOnlyList<string> _list;
    private readonly decimal _number;
    private readonly Regex? _regex;

    public InputCondition(
        PolicyCondition description,
        InputOperator op,
        string text = "",
        IReadOnlyList<string>? list = null,
        decimal number = 0,
        Regex? regex = null)
    {
        Description = description;
        _path = description.Field.Split('.');
        _operator = op;
        _text = text;
        _list = list ?? [];
        _number = number;
        _regex = regex;
    }

    public PolicyCondition Description { get; }

    public ConditionOutcome Evaluate(JsonElement input, RunMetrics metrics)
    {
        if (!TryResolve(input, out var value))
        {
            return Of(InputOperators.TrueWhenMissing(_operator));
        }

        return _operator switch
        {
            InputOperator.Exists => ConditionOutcome.True,
            InputOperator.Missing => ConditionOutcome.False,
            InputOperator.EqualTo => Of(InputValues.ScalarEquals(value, _text)),
            InputOperator.NotEqualTo => Of(!InputValues.ScalarEquals(value, _text)),
            InputOperator.In => Of(_list.Any(item => InputValues.ScalarEquals(value, item))),
            InputOperator.NotIn => Of(!_list.Any(item => InputValues.ScalarEquals(value, item))),
            InputOperator.Contains => Of(InputValues.Contains(value, _text)),
            InputOperator.MatchesRegex => InputValues.MatchesRegex(value, _regex!),
            InputOperator.DomainIn => Of(DomainMatching.AllInside(value, _list)),
            InputOperator.DomainNotIn => Of(!DomainMatching.AllInside(value, _list)),
            InputOperator.Gt => Of(InputValues.CompareNumber(value, _number) is > 0),
            InputOperator.Gte => Of(InputValues.CompareNumber(value, _number) is >= 0),
            InputOperator.Lt => Of(InputValues.CompareNumber(value, _number) is < 0),
            InputOperator.Lte => Of(InputValues.CompareNumber(value, _number) is <= 0),
            _ => ConditionOutcome.False,
        };
    }

    private static ConditionOutcome Of(bool value) => value ? ConditionOutcome.True : ConditionOutcome.False;

    /// <summary>Follows the dotted path through objects (and arrays, by numeric segment); JSON null counts as missing.</summary>
    private bool TryResolve(JsonElement input, out JsonElement value)
    {
        value = input;
        foreach (var segment in _path)
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out var child))
            {
                value = child;
            }
            else if (value.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }
}
