using System.Xml;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Policy;

internal sealed partial class PolicyParser
{
    private static readonly string[] ApprovalKeys = ["timeout", "on_timeout"];

    private ApprovalSettings? ParseApproval(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "'approval' must be a mapping with timeout and on_timeout");
            return null;
        }

        var entries = Known(map, ApprovalKeys, "'approval'");
        var timeout = DefaultApproval.Timeout;
        if (entries.TryGetValue("timeout", out var timeoutEntry) && Scalar(timeoutEntry.Value, "timeout") is { } timeoutText)
        {
            timeout = ParseDuration(timeoutEntry.Value, timeoutText) ?? timeout;
        }

        var onTimeout = DefaultApproval.OnTimeout;
        if (entries.TryGetValue("on_timeout", out var onTimeoutEntry) && Scalar(onTimeoutEntry.Value, "on_timeout") is { } onTimeoutText)
        {
            if (onTimeoutText == PolicyActionText.Allow)
            {
                onTimeout = PolicyAction.Allow;
            }
            else if (onTimeoutText != PolicyActionText.Deny)
            {
                Error(onTimeoutEntry.Value, $"on_timeout must be deny or allow, got '{onTimeoutText}'");
            }
        }

        return new ApprovalSettings(timeout, onTimeout);
    }

    private TimeSpan? ParseDuration(YamlNode node, string text)
    {
        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            Error(node, $"timeout '{text}' is not an ISO 8601 duration such as PT1H or P1D");
            return null;
        }

        if (duration <= TimeSpan.Zero)
        {
            Error(node, $"timeout '{text}' must be longer than zero");
            return null;
        }

        return duration;
    }
}
