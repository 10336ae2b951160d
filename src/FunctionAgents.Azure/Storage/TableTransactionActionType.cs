namespace FunctionAgents.Azure.Storage;

/// <summary>The kind of one operation in an entity group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; the transaction fails with 409 if the key is taken.</summary>
    Insert,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Delete; the transaction fails with 404 if the entity is missing.</summary>
    Delete,
}
