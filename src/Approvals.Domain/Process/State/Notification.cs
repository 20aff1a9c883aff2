namespace Approvals.Domain;

/// <summary>The grant notified to the beneficiary, and the last day on which it may ask for payment.</summary>
public sealed record Notification(DateOnly NotifiedOn, DateOnly PaymentWindowLastDay);
