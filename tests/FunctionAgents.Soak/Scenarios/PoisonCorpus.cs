namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// <c>agent-runs</c> messages that can never start a run: not Base64, not JSON, not an object, and objects that fail
/// validation. Each must reach the poison queue on its first delivery. (label, text as sent, whether to Base64 it).
/// </summary>
internal static class PoisonCorpus
{
    public static IEnumerable<(string Label, string Text, bool Encode)> Generate()
    {
        yield return ("not base64", "this is not base64 !!!", false);
        yield return ("base64 of invalid UTF-8", Convert.ToBase64String([0xff, 0xfe, 0xfd]), false);
        yield return ("not JSON", "goal=refund", true);
        yield return ("truncated JSON", """{"tenant":"alpha","goal":"refund""", true);
        yield return ("JSON array", """[{"tenant":"alpha","goal":"refund"}]""", true);
        yield return ("JSON string", "\"refund\"", true);
        yield return ("null", "null", true);
        yield return ("empty object", "{}", true);
        yield return ("no tenant", """{"goal":"What is the refund window?"}""", true);
        yield return ("blank tenant", """{"tenant":"  ","goal":"What is the refund window?"}""", true);
        yield return ("no goal", """{"tenant":"alpha"}""", true);
        yield return ("blank goal", """{"tenant":"alpha","goal":""}""", true);
        yield return ("goal as number", """{"tenant":"alpha","goal":42}""", true);
        yield return ("oversized goal", $$"""{"tenant":"alpha","goal":"{{new string('x', 40_000)}}"}""", true);
        yield return ("maxSteps 0", """{"tenant":"alpha","goal":"refund window","maxSteps":0}""", true);
        yield return ("maxSteps 1e9", """{"tenant":"alpha","goal":"refund window","maxSteps":1000000000}""", true);
        yield return ("maxSteps as text", """{"tenant":"alpha","goal":"refund window","maxSteps":"3"}""", true);
        yield return ("budgetUsd -1", """{"tenant":"alpha","goal":"refund window","budgetUsd":-1}""", true);
        yield return ("budgetUsd 1e308", """{"tenant":"alpha","goal":"refund window","budgetUsd":1e308}""", true);
        yield return ("unknown field", """{"tenant":"alpha","goal":"refund window","priority":"urgent"}""", true);
        yield return ("duplicate goal", """{"tenant":"alpha","goal":"a","goal":"b"}""", true);
        yield return ("metadata not an object", """{"tenant":"alpha","goal":"refund window","metadata":[1,2]}""", true);
        yield return ("deep nesting", """{"tenant":"alpha","goal":"refund window","metadata":""" + new string('[', 200) + new string(']', 200) + "}", true);
        yield return ("lone surrogate", """{"tenant":"alpha","goal":"\ud800"}""", true);
    }
}
