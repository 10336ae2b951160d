using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;
using Microsoft.Extensions.Hosting;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// Reads the configured key-encryption key once at startup, so a host whose privacy key is unreachable (a wrong Key
/// Vault URI, a missing role, a deleted secret) refuses to start with one line instead of failing the first run that
/// handles personal data, or worse, running without protection.
/// </summary>
internal sealed class KekStartupCheck(Func<CancellationToken, Task<KeyEncryptionKey>> loadKek) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await loadKek(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex.Message.Split('\n', 2)[0].Trim();
            throw new PrivacyKeyUnavailableException(
                $"the privacy key-encryption key ({PrivacySettingNames.Kek}, {PrivacySettingNames.KeyVaultUri} or {PrivacySettingNames.KekFile}) cannot be read: {reason}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
