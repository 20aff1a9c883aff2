namespace Approvals.Api;

/// <summary>The small bodies of the portal's routes.</summary>
public static class PortalBodies
{
    public sealed record SignInRequest(string Email);

    public sealed record LinkUse(string Token);

    public sealed record Me(string Email);

    public sealed record LinkSent(string Message);

    public sealed record Submitted(string DossierId, string Number, string Acknowledgment);

    public sealed record Summary(string DossierId, string Number, DateTimeOffset SubmittedAt, string Title, string Stage);

    public sealed record PaymentRequestBody(decimal Amount);

    public sealed record CheckBody(Application.PortalCheckOutcome Outcome, string? Note = null);
}
