namespace FunctionAgents.Http.Dashboard;

/// <summary>One file of the dashboard, held in memory with its content type and a strong ETag of its bytes.</summary>
internal sealed record DashboardFile(string Path, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
