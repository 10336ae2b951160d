using System.Text;
using Azure.Core;

namespace FunctionAgents.Azure.Storage;

public sealed partial class TableStorageClient
{
    /// <summary>
    /// Applies 1 to 100 actions on one partition as a single entity group transaction: all or nothing.
    /// On failure throws <see cref="TableTransactionFailedException"/> naming the failing action's index
    /// and whether it was a conflict; nothing was applied. Throws <see cref="ArgumentException"/> for an
    /// empty list, more than 100 actions, mixed partitions, a repeated RowKey or a body over 4 MiB.
    /// </summary>
    public async Task SubmitTransactionAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        ValidateTransaction(actions);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = TableBatch.BuildBody(batchBoundary, changesetBoundary, actions, table, _http.AbsoluteUrl);
        if (body.Length > TableBatch.MaxBodyBytes)
        {
            throw new ArgumentException(
                $"The transaction on partition '{actions[0].Entity.PartitionKey}' of '{table}' is {body.Length} bytes; the service accepts at most {TableBatch.MaxBodyBytes}.",
                nameof(actions));
        }

        using var message = _http.CreateMessage(RequestMethod.Post, "/$batch", ServiceVersion);
        var headers = message.Request.Headers;
        headers.SetValue("Accept", JsonAccept);
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        headers.SetValue("Content-Type", $"multipart/mixed; boundary={batchBoundary}");
        message.Request.Content = RequestContent.Create(body);
        var operation = $"Transaction of {actions.Count} action(s) on partition '{actions[0].Entity.PartitionKey}' of '{table}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            var (code, text) = StorageError.Read(response);
            throw new TableTransactionFailedException(response.Status, code, null, $"{operation} failed: HTTP {response.Status} ({code}): {text}");
        }

        if (TableBatch.FindFailure(Encoding.UTF8.GetString(response.Content.ToMemory().Span)) is { } failure)
        {
            var which = failure.Index is { } i ? $"action {i} ({actions[i].ActionType} {actions[i].Entity.RowKey})" : "an action";
            throw new TableTransactionFailedException(
                failure.Status,
                failure.Code,
                failure.Index,
                $"{operation} failed at {which}: HTTP {failure.Status} ({failure.Code}): {failure.Message}. Nothing was applied.");
        }
    }

    private static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > TableBatch.MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {TableBatch.MaxActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action, nameof(actions));
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A transaction covers one partition; got '{partitionKey}' and '{action.Entity.PartitionKey}'.", nameof(actions));
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A transaction may touch RowKey '{action.Entity.RowKey}' only once.", nameof(actions));
            }
        }
    }
}
