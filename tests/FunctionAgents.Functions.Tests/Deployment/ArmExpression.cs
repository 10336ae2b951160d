using System.Globalization;
using System.Text;

namespace FunctionAgents.Functions.Tests.Deployment;

/// <summary>
/// The few ARM template functions Bicep's snapshot leaves unevaluated in FunctionAgents' infra (secure parameters and
/// <c>environment()</c>): <c>format</c>, <c>parameters</c>, <c>base64</c>, <c>take</c>, <c>replace</c>, <c>concat</c> and
/// <c>environment().suffixes.keyvaultDns</c> (Azure public cloud). Anything else, such as <c>reference()</c> (a value
/// only known in Azure), is unresolved: <see cref="TryEvaluate"/> returns false.
/// </summary>
internal sealed class ArmExpression
{
    private readonly IReadOnlyDictionary<string, string> _parameters;
    private string _text = string.Empty;
    private int _at;

    public ArmExpression(IReadOnlyDictionary<string, string> parameters) => _parameters = parameters;

    /// <summary>A literal value as is; a <c>[expression]</c> evaluated.</summary>
    public bool TryEvaluate(string value, out string result)
    {
        result = value;
        if (!(value.StartsWith('[') && value.EndsWith(']')) || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return true;
        }

        (_text, _at) = (value[1..^1], 0);
        try
        {
            result = Expression();
            return _at == _text.Length;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private string Expression()
    {
        Skip();
        if (_text[_at] == '\'')
        {
            return Literal();
        }

        if (char.IsDigit(_text[_at]))
        {
            var start = _at;
            while (char.IsDigit(_text[_at]))
            {
                _at++;
            }

            return _text[start.._at];
        }

        var nameStart = _at;
        while (char.IsLetterOrDigit(_text[_at]))
        {
            _at++;
        }

        var name = _text[nameStart.._at];
        Expect('(');
        var args = new List<string>();
        Skip();
        while (_text[_at] != ')')
        {
            args.Add(Expression());
            Skip();
            if (_text[_at] == ',')
            {
                _at++;
            }
        }

        _at++;
        var properties = new List<string>();
        while (_at < _text.Length && _text[_at] == '.')
        {
            var start = ++_at;
            while (_at < _text.Length && char.IsLetterOrDigit(_text[_at]))
            {
                _at++;
            }

            properties.Add(_text[start.._at]);
        }

        return (name, properties.Count) switch
        {
            ("format", 0) => string.Format(CultureInfo.InvariantCulture, args[0], [.. args.Skip(1)]),
            ("concat", 0) => string.Concat(args),
            ("parameters", 0) => _parameters.TryGetValue(args[0], out var parameter) ? parameter : throw new NotSupportedException(args[0]),
            ("base64", 0) => Convert.ToBase64String(Encoding.UTF8.GetBytes(args[0])),
            ("take", 0) => args[0][..Math.Min(args[0].Length, int.Parse(args[1], CultureInfo.InvariantCulture))],
            ("replace", 0) => args[0].Replace(args[1], args[2], StringComparison.Ordinal),
            ("environment", 2) when properties[0] == "suffixes" && properties[1] == "keyvaultDns" => ".vault.azure.net",
            _ => throw new NotSupportedException(name),
        };
    }

    private string Literal()
    {
        var builder = new StringBuilder();
        _at++;
        while (true)
        {
            if (_text[_at] == '\'')
            {
                if (_at + 1 < _text.Length && _text[_at + 1] == '\'')
                {
                    builder.Append('\'');
                    _at += 2;
                    continue;
                }

                _at++;
                return builder.ToString();
            }

            builder.Append(_text[_at++]);
        }
    }

    private void Expect(char c)
    {
        Skip();
        if (_at >= _text.Length || _text[_at] != c)
        {
            throw new NotSupportedException($"'{c}' expected at {_at}");
        }

        _at++;
    }

    private void Skip()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }
    }
}
