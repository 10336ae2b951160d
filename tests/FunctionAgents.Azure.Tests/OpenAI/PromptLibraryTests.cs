using FunctionAgents.Azure.OpenAI;

namespace FunctionAgents.Azure.Tests.OpenAI;

public sealed class PromptLibraryTests
{
    [Fact]
    public void Names_EmbedThePlannerAndAnswerPrompts()
    {
        // Assert
        Assert.Contains("planner/v1", PromptLibrary.Names);
        Assert.Contains("answer/v1", PromptLibrary.Names);
    }

    [Fact]
    public void Load_EveryPrompt_DeclaresItsOwnPathAsVersion()
    {
        // Act / Assert
        Assert.All(PromptLibrary.Names, name => Assert.Equal(name, PromptLibrary.Load(name).Version));
    }

    [Theory]
    [InlineData("planner/v1", new[] { "system", "user", "repair" })]
    [InlineData("planner/v2", new[] { "system", "user", "repair" })]
    [InlineData("answer/v1", new[] { "system", "user" })]
    public void Load_Prompt_HasTheSectionsItsCallerRenders(string name, string[] sections)
    {
        // Act
        var prompt = PromptLibrary.Load(name);

        // Assert
        Assert.Equal(sections, prompt.SectionNames);
    }

    [Fact]
    public void Load_UnknownPrompt_ListsTheKnownOnes()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => PromptLibrary.Load("planner/v99"));

        // Assert
        Assert.Contains("planner/v1", ex.Message);
    }

    [Fact]
    public void Render_ValuesAreNotScannedAgain_AndOtherBracesStayLiteral()
    {
        // Arrange
        var prompt = PromptTemplate.Parse("test/v1", "---\nversion: test/v1\n---\n## user\nGoal: {{goal}}; refer to {{steps.<id>.output}}.\n");

        // Act
        var text = prompt.Render("user", new Dictionary<string, string> { ["goal"] = "{{goal}} {{tools}}" });

        // Assert
        Assert.Equal("Goal: {{goal}} {{tools}}; refer to {{steps.<id>.output}}.", text);
    }

    [Fact]
    public void Render_MissingValue_Throws()
    {
        // Arrange
        var prompt = PromptTemplate.Parse("test/v1", "---\nversion: test/v1\n---\n## user\nGoal: {{goal}}\n");

        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => prompt.Render("user", new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("## user\nhi\n")]
    [InlineData("---\ntitle: x\n---\n## user\nhi\n")]
    [InlineData("---\nversion: x\n---\nno sections\n")]
    [InlineData("---\nversion: x\n---\n## user\na\n## user\nb\n")]
    public void Parse_Malformed_Throws(string text)
    {
        // Act / Assert
        Assert.Throws<FormatException>(() => PromptTemplate.Parse("test/v1", text));
    }

    [Fact]
    public void OfMessages_SameMessages_SameHash_AnyChange_OtherHash()
    {
        // Arrange
        ModelMessage[] messages = [ModelMessage.System("rules"), ModelMessage.User("goal")];

        // Act
        var first = ModelHashes.OfMessages(messages);
        var again = ModelHashes.OfMessages([ModelMessage.System("rules"), ModelMessage.User("goal")]);
        var swapped = ModelHashes.OfMessages([ModelMessage.User("rules"), ModelMessage.User("goal")]);

        // Assert
        Assert.Equal(first, again);
        Assert.NotEqual(first, swapped);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }
}
