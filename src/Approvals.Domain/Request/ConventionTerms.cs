namespace Approvals.Domain;

/// <summary>
/// What the convention sets: whether there is one (compulsory above 23 000 €), the payment request window in months
/// (two by default), its own report due date and end date when it sets them (else the legal defaults apply), and the
/// indicators the activity report must give (seed 004, art. 3: "en appui sur les indicateurs figurant en annexe").
/// </summary>
public sealed record ConventionTerms(bool HasConvention, int PaymentWindowMonths, DateOnly? ReportDueDate, DateOnly? EndDate, IReadOnlyList<string>? Indicators = null)
{
    /// <summary>Law n°2000-321, art. 10: above this amount a written convention is compulsory.</summary>
    public const decimal CompulsoryAbove = 23_000m;

    public const int MaxIndicators = 20;

    public static ConventionTerms Default { get; } = new(true, 2, null, null);
}
