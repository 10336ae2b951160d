namespace FunctionAgents.Host.Tests.Support;

/// <summary>A response that does not match the OpenAPI document; thrown into the test that received it.</summary>
public sealed class OpenApiViolationException : Exception
{
    public OpenApiViolationException()
    {
    }

    public OpenApiViolationException(string message)
        : base(message)
    {
    }

    public OpenApiViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
