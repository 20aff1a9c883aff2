namespace Approvals.Application;

/// <summary>The mail provider refused a message permanently (HTTP 400, 401, 403): retrying the same message cannot succeed.</summary>
public sealed class MailRejectedException(int statusCode, string detail) : Exception($"Mail refused with HTTP {statusCode}: {detail}")
{
    public int StatusCode { get; } = statusCode;

    public string Detail { get; } = detail;
}
