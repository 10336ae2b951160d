using System.Diagnostics.CodeAnalysis;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Planning;

internal sealed class FakeToolCatalog(params ITool[] tools) : IToolCatalog
{
    /// <summary>The four built-in tools with the input schemas the tools engineer builds.</summary>
    public static FakeToolCatalog Standard { get; } = new(
        new FakeTool("search_docs", """
            {"type":"object","additionalProperties":false,"required":["query"],
             "properties":{"query":{"type":"string","minLength":1,"maxLength":500},
                           "top_k":{"type":"integer","minimum":1,"maximum":20}}}
            """),
        new FakeTool("query_sql", """
            {"type":"object","additionalProperties":false,"required":["sql"],
             "properties":{"sql":{"type":"string","minLength":1}}}
            """),
        new FakeTool("create_ticket", """
            {"type":"object","additionalProperties":false,"required":["title","body","priority"],
             "properties":{"title":{"type":"string","minLength":3,"maxLength":120},
                           "body":{"type":"string","minLength":1},
                           "priority":{"type":"string","enum":["low","normal","high","urgent"]}}}
            """),
        new FakeTool("send_email", """
            {"type":"object","additionalProperties":false,"required":["to","subject","body"],
             "properties":{"to":{"type":"string","pattern":"^[^@\\s]+@[^@\\s]+$"},
                           "subject":{"type":"string","minLength":1,"maxLength":200},
                           "body":{"type":"string","minLength":1}}}
            """));

    public IReadOnlyCollection<ITool> All { get; } = tools;

    public bool TryGet(string name, [NotNullWhen(true)] out ITool? tool)
    {
        tool = All.FirstOrDefault(t => t.Name == name);
        return tool is not null;
    }
}
