using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>An Entra ID credential that hands out a fixed token, or fails like a machine with no identity.</summary>
internal sealed class FakeTokenCredential(string token, bool fail = false) : TokenCredential
{
    public ConcurrentQueue<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            Scopes.Enqueue(scope);
        }

        return fail
            ? throw new CredentialUnavailableException("no managed identity endpoint on this machine")
            : new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
