using Azure;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

public sealed partial class TableDataKeyStore
{
    /// <summary>The KEK, loaded once (null when none is configured); a load failure means the key store is unavailable.</summary>
    private async Task<KeyEncryptionKey?> KekAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        if (_loadKek is null)
        {
            return null;
        }

        Task<KeyEncryptionKey> loading;
        lock (_gate)
        {
            loading = _kek ??= _loadKek(CancellationToken.None);
        }

        try
        {
            return await loading.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lock (_gate)
            {
                // Try again on the next call: an unreachable Key Vault may come back.
                _kek = ReferenceEquals(_kek, loading) ? null : _kek;
            }

            throw ex as KeyStoreUnavailableException ?? new KeyStoreUnavailableException($"the key-encryption key could not be loaded: {ex.Message}", ex);
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        Task creating;
        lock (_gate)
        {
            creating = _created ??= _table.CreateIfNotExistsAsync(CancellationToken.None);
        }

        try
        {
            await creating.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lock (_gate)
            {
                _created = ReferenceEquals(_created, creating) ? null : _created;
            }

            throw;
        }
    }

    private static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or 401 or 403 or >= 500)
        {
            throw new KeyStoreUnavailableException($"the data key store refused or could not answer ({ex.Status} {ex.ErrorCode}).", ex);
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException or TimeoutException)
        {
            throw new KeyStoreUnavailableException($"the data key store is unreachable ({ex.GetType().Name}).", ex);
        }
    }
}
