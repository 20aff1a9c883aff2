namespace Approvals.Domain;

/// <summary>A formal notice sent to the beneficiary, and whether its one-month notice has run out.</summary>
public sealed record FormalNoticeTerm(DossierEvent.FormalNoticeSent Sent, bool Expired);
