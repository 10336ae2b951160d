using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace FunctionAgents.Domain.Tests.Architecture;

/// <summary>
/// Reads an assembly's metadata (its type and member references, which every call, field access and <c>typeof</c>
/// in its IL goes through) and reports each use of a clock, GUID, random, environment, disk, network or process API.
/// </summary>
internal static class BannedMemberScan
{
    /// <summary>Types whose every member is banned, and whole namespaces (ending in a dot).</summary>
    private static readonly string[] BannedTypes =
    [
        "System.Random",
        "System.Security.Cryptography.RandomNumberGenerator",
        "System.IO.File",
        "System.IO.Directory",
        "System.IO.FileInfo",
        "System.IO.DirectoryInfo",
        "System.IO.FileStream",
        "System.IO.FileSystemWatcher",
        "System.Diagnostics.Stopwatch",
        "System.Diagnostics.Process",
        "System.Net.Dns",
        "System.Net.WebClient",
        "System.Net.WebRequest",
        "System.Net.Http.",
        "System.Net.Sockets.",
        "System.IO.Pipes.",
    ];

    /// <summary>Banned members of otherwise allowed types (property getters by their IL name).</summary>
    private static readonly Dictionary<string, string[]> BannedMembers = new(StringComparer.Ordinal)
    {
        ["System.DateTime"] = ["get_Now", "get_UtcNow", "get_Today"],
        ["System.DateTimeOffset"] = ["get_Now", "get_UtcNow"],
        ["System.Guid"] = ["NewGuid", "CreateVersion7"],
        ["System.TimeProvider"] = ["get_System"],
        ["System.Environment"] =
        [
            "GetEnvironmentVariable", "GetEnvironmentVariables", "SetEnvironmentVariable", "GetCommandLineArgs",
            "get_CurrentDirectory", "get_MachineName", "get_UserName", "get_ProcessId", "get_TickCount",
            "get_TickCount64", "GetFolderPath", "Exit",
        ],
        ["System.IO.Path"] = ["GetFullPath", "GetTempPath", "GetTempFileName"],
    };

    /// <summary>Every banned type or member the assembly at <paramref name="path"/> references, as <c>Type::Member</c>.</summary>
    public static IReadOnlyList<string> Find(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var type = FullName(metadata, handle);
            if (IsBannedType(type))
            {
                found.Add(type);
            }
        }

        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = FullName(metadata, (TypeReferenceHandle)member.Parent);
            var name = metadata.GetString(member.Name);
            if (IsBannedType(type) || (BannedMembers.TryGetValue(type, out var members) && members.Contains(name)))
            {
                found.Add($"{type}::{name}");
            }
        }

        return [.. found];
    }

    private static bool IsBannedType(string type) =>
        BannedTypes.Any(banned => banned.EndsWith('.') ? type.StartsWith(banned, StringComparison.Ordinal) : type == banned);

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
