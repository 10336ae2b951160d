namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Token estimates for the budget check before a call: four characters to a token, rounded up, plus a few tokens of
/// framing per message. The response format's schema is sent with the request, so it counts as input too.
/// </summary>
internal static class ModelTokens
{
    private const int CharactersPerToken = 4;
    private const int TokensPerMessage = 4;

    public static int Estimate(int characters) => (characters + CharactersPerToken - 1) / CharactersPerToken;

    public static int EstimateInput(ModelCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var characters = request.Messages.Sum(m => m.Content.Length) + request.Format.Schema.Length + request.Format.Description.Length;
        return Estimate(characters) + (TokensPerMessage * request.Messages.Count);
    }
}
