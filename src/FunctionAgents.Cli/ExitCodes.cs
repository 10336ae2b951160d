namespace FunctionAgents.Cli;

/// <summary>What <c>fa</c> exits with.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for gates and tests, passed.</summary>
    public const int Ok = 0;

    /// <summary>A gate or policy test failed, a policy was refused, or the operation failed (e.g. storage unreachable).</summary>
    public const int Failed = 1;

    /// <summary>Usage or input error: unknown option, bad value, missing or unreadable file, missing configuration.</summary>
    public const int Usage = 2;
}
