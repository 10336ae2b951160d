namespace FunctionAgents.Azure.Storage;

/// <summary>What an upsert does to an entity that already exists.</summary>
public enum TableUpdateMode
{
    /// <summary>Replace the stored entity with the given one (insert-or-replace).</summary>
    Replace,

    /// <summary>Merge the given properties into the stored entity (insert-or-merge).</summary>
    Merge,
}
