namespace FunctionAgents.Domain.Planning.Offline;

/// <summary>The steps the offline planner knows, in the order they run.</summary>
internal enum OfflineStepKind
{
    SearchPolicy,
    LookUpOrder,
    LookUpCustomer,
    CountRecords,
    OpenTicket,
    EmailCustomer,
}
