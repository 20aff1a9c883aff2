namespace Approvals.Api;

/// <summary>The small bodies of the portal's routes.</summary>
public static class PortalBodies
{
    public sealed record SignInRequest(string Email);

    public sealed record LinkUse(string Token);

    public sealed record Me(string Email);

    public sealed record LinkSent(string Message);

    /// <summary>An authority a request can be addressed to.</summary>
    public sealed record PortalAuthority(string Id, string Name);

    public sealed record Submitted(string DossierId, string Number, string Acknowledgment);

    public sealed record Summary(string DossierId, string Number, DateTimeOffset SubmittedAt, string Title, string Stage);

    public sealed record PaymentRequestBody(decimal Amount);

    public sealed record CheckBody(Application.PortalCheckOutcome Outcome, string? Note = null);
}
