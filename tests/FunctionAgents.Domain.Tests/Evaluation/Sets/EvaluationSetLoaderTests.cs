using FunctionAgents.Domain.Evaluation.Sets;

namespace FunctionAgents.Domain.Tests.Evaluation.Sets;

public sealed class EvaluationSetLoaderTests
{
    private const string Valid = """
        name: desk
        cases:
          - id: refund-1042
            goal: "Can order 1042 be refunded?"
            metadata: { customer_id: "C-17" }
            expect:
              tools: [search_docs, query_sql]
              facts: ["1042", "refund window"]
              forbidden: ["password"]
              status: completed
              approvals: reject
          - id: plain
            goal: "What are the support hours?"
        """;

    [Fact]
    public void Load_ValidSet_ReadsEveryField()
    {
        var set = EvaluationSetLoader.Load(Valid, "desk.yaml");

        Assert.Equal("desk", set.Name);
        Assert.Equal(2, set.Cases.Count);
        var first = set.Cases[0];
        Assert.Equal("refund-1042", first.Id);
        Assert.Equal("C-17", first.Metadata!["customer_id"]);
        Assert.Equal(["search_docs", "query_sql"], first.Expect.Tools);
        Assert.Equal(["1042", "refund window"], first.Expect.Facts);
        Assert.Equal(["password"], first.Expect.Forbidden);
        Assert.Equal("completed", first.Expect.Status);
        Assert.False(first.Expect.Approve);
        Assert.Equal(3, first.Line);
        Assert.Null(set.Cases[1].Expect.Tools);
        Assert.True(set.Cases[1].Expect.Approve);
    }

    [Theory]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n    expect:\n      tool: [x]\n", 6, "cases[0].expect.tool", "unknown field")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n    colour: red\n", 5, "cases[0].colour", "unknown field")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n    expect: { status: done }\n", 5, "cases[0].expect.status", "'done' is not one of")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n    expect: { approvals: maybe }\n", 5, "cases[0].expect.approvals", "not approve or reject")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n  - id: a\n    goal: h\n", 5, "cases[1].id", "used by an earlier case")]
    [InlineData("name: d\ncases:\n  - id: a\n", 3, "cases[0].goal", "is required")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: g\n    expect: { facts: \"1042\" }\n", 5, "cases[0].expect.facts", "expected a list")]
    [InlineData("name: d\ncases: []\n", 2, "cases", "non-empty list")]
    [InlineData("cases:\n  - id: a\n    goal: g\n", 1, "name", "is required")]
    [InlineData("name: d\ncases:\n  - id: a\n    goal: [unclosed\n", 5, "(yaml)", "")]
    public void Load_BadSet_NamesFileLineAndField(string yaml, int line, string field, string reason)
    {
        var ex = Assert.Throws<EvaluationSetException>(() => EvaluationSetLoader.Load(yaml, "bad.yaml"));

        Assert.Equal("bad.yaml", ex.Source);
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}: {field}: ", ex.Message, StringComparison.Ordinal);
    }
}
