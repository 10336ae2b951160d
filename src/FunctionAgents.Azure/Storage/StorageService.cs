namespace FunctionAgents.Azure.Storage;

/// <summary>Which storage service a pipeline talks to; the two sign requests differently.</summary>
internal enum StorageService
{
    Table,
    Queue,
}
