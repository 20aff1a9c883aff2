namespace Approvals.Domain;

/// <summary>
/// What the convention sets: whether there is one (compulsory above 23 000 €), the payment request window in months
/// (two by default), and its own report due date and end date when it sets them (else the legal defaults apply).
/// </summary>
public sealed record ConventionTerms(bool HasConvention, int PaymentWindowMonths, DateOnly? ReportDueDate, DateOnly? EndDate)
{
    /// <summary>Law n°2000-321, art. 10: above this amount a written convention is compulsory.</summary>
    public const decimal CompulsoryAbove = 23_000m;

    public static ConventionTerms Default { get; } = new(true, 2, null, null);
}
