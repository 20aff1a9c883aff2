namespace Approvals.Domain;

/// <summary>The beneficiary's payment requests and the payments made, with their totals.</summary>
public sealed record PaymentLedger
{
    public static PaymentLedger Empty { get; } = new();

    public IReadOnlyList<DossierEvent.PaymentRequested> Requests { get; init; } = [];

    public decimal AmountRequested { get; init; }

    public IReadOnlyList<DossierEvent.PaymentRecorded> Recorded { get; init; } = [];

    public decimal AmountPaid { get; init; }
}
