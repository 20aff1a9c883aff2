using System.Globalization;
using System.Text.RegularExpressions;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>
/// The open-data publication of grants in the national SCDL "subventions" schema, version 2.1.1 (décret
/// n°2017-779): UTF-8 without BOM, comma separator, RFC 4180 quoting, dot decimals, one row per grant whose
/// convention is signed.
/// </summary>
public static partial class ScdlExport
{
    public const char Separator = ',';

    public const int ObjectMaxLength = 256;

    public static IReadOnlyList<string> Columns { get; } =
    [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
        "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE",
        "notificationUE", "pourcentageSubvention", "dispositifAide",
    ];

    /// <summary>
    /// Writes the header and one row per grant with a signed convention whose beneficiary received more than
    /// <paramref name="threshold"/> in the grant's budget year (the sum of its signed grants in
    /// <paramref name="dossiers"/>, beneficiary identified by SIRET, else RNA, else name): the obligation covers
    /// grants "dont le montant annuel dépasse 23 000 €" (décret n°2017-779, art. 1). <paramref name="aidScheme"/>
    /// gives the aid scheme set on a budget line (null when none).
    /// </summary>
    public static void Write(TextWriter writer, Authority authority, IEnumerable<Dossier> dossiers, Func<BudgetLineRef, string?>? aidScheme = null, decimal threshold = 23_000m)
    {
        var signed = dossiers.Where(d => d.Request is not null && d.Signature is not null && d.AmountVoted > 0m).ToList();
        var annual = signed
            .GroupBy(d => (Beneficiary: BeneficiaryKey(d.Request!.Beneficiary), d.Request!.BudgetLine.Year))
            .ToDictionary(g => g.Key, g => g.Sum(d => d.AmountVoted));

        CsvCell.WriteRow(writer, Columns.Select(c => CsvCell.Text(c, Separator)), Separator);
        foreach (var dossier in signed.Where(d => annual[(BeneficiaryKey(d.Request!.Beneficiary), d.Request!.BudgetLine.Year)] > threshold))
        {
            CsvCell.WriteRow(writer, Row(authority, dossier, aidScheme?.Invoke(dossier.Request!.BudgetLine)), Separator);
        }
    }

    /// <summary>The encoded cells of one signed grant, in the schema's column order: a pure function of the dossier.</summary>
    public static IEnumerable<string> Row(Authority authority, Dossier dossier, string? aidScheme)
    {
        var request = dossier.Request!;
        var beneficiary = request.Beneficiary;
        yield return CsvCell.Text(authority.Name, Separator);
        yield return CsvCell.Text(authority.Siret, Separator);
        yield return CsvCell.Number(Iso(dossier.Signature!.AuthoritySignedOn), Separator);
        yield return CsvCell.Text(dossier.Receipt?.ActesId?.ToString() ?? dossier.Vote?.ReportNumber, Separator);
        yield return CsvCell.Text(beneficiary.Name, Separator);
        yield return CsvCell.Text(beneficiary.Siret, Separator);
        yield return CsvCell.Text(beneficiary.Rna, Separator);
        yield return CsvCell.Text(Objet(request.Object), Separator);
        yield return CsvCell.Number(dossier.AmountVoted.ToString("0.##", CultureInfo.InvariantCulture), Separator);
        yield return CsvCell.Text("aide en numéraire", Separator);
        yield return CsvCell.Text(request.PaymentTerms.Count > 1 ? "échelonné" : "unique", Separator);
        yield return CsvCell.Number(PaymentDates(dossier), Separator);
        yield return CsvCell.Text(string.Empty, Separator);
        yield return CsvCell.Text("non", Separator);
        yield return CsvCell.Number(Share(SingleBeneficiaryShare), Separator);
        yield return CsvCell.Text(aidScheme ?? string.Empty, Separator);
    }

    /// <summary>The object on one line, at most 256 characters once neutralised by <see cref="CsvCell"/>, cut with an ellipsis.</summary>
    public static string Objet(string text)
    {
        var oneLine = Whitespace().Replace(text, " ").Trim();
        var max = CsvCell.Neutralise(oneLine).Length > oneLine.Length ? ObjectMaxLength - 1 : ObjectMaxLength;
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1).TrimEnd(), "…");
    }

    /// <summary>
    /// This beneficiary's share of the grant (schema 2.1.1, <c>pourcentageSubvention</c>: "dans le cas d'un bénéficiaire
    /// unique, le pourcentage est 100%, soit '1.00'"; décret n°2017-779, art. 1, 3°: "la répartition de la subvention
    /// entre ces attributaires"), not the grant's rate over the action's budget. A request names one beneficiary, so its
    /// share is the whole grant.
    /// </summary>
    public const decimal SingleBeneficiaryShare = 1m;

    /// <summary>A share as the schema writes it: a dot decimal with two places, e.g. 1.00 or 0.45.</summary>
    public static string Share(decimal share) => share.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>datesPeriodeVersement</c> (required by schema 2.1.1): once the grant is paid (in full, or the dossier ended), the
    /// payment date, or first/last payment dates; before, the planned period of <see cref="PlannedPaymentPeriod"/>, its
    /// start moved to the first payment already made.
    /// </summary>
    public static string PaymentDates(Dossier dossier)
    {
        var payments = dossier.Payments.Recorded;
        if (payments.Count > 0 && (dossier.AmountPaid >= dossier.AmountVoted || dossier.IsEnded))
        {
            var first = payments.Min(p => p.PaidOn);
            var last = payments.Max(p => p.PaidOn);
            return first == last ? Iso(first) : $"{Iso(first)}/{Iso(last)}";
        }

        var (from, to) = PlannedPaymentPeriod(dossier);
        if (payments.Count > 0)
        {
            from = payments.Min(p => p.PaidOn);
            to = to < payments.Max(p => p.PaidOn) ? payments.Max(p => p.PaidOn) : to;
        }

        return $"{Iso(from)}/{Iso(to)}";
    }

    /// <summary>
    /// When the payment terms plan the payments of a signed grant. From the convention's signature by both parties (no
    /// instalment is due before it); to the last day the last instalment can fall: the final report's due day when an
    /// instalment is paid on the report, else the last day of the payment-request window (seed 004, art. 3 and 4: "100 %
    /// à la signature", requested within two months of the notification; before the notification, counted from the
    /// signature, the earliest notification possible). Derived from <see cref="GrantRequest.PaymentTerms"/> and
    /// <see cref="ConventionTerms"/>: the one place to re-point when the dossier carries its own instalment schedule.
    /// </summary>
    public static (DateOnly From, DateOnly To) PlannedPaymentPeriod(Dossier dossier)
    {
        var request = dossier.Request!;
        var signature = dossier.Signature!;
        var from = signature.BeneficiarySignedOn > signature.AuthoritySignedOn ? signature.BeneficiarySignedOn : signature.AuthoritySignedOn;
        var to = request.PaymentTerms.Any(t => t.Trigger == InstalmentTrigger.OnFinalReport)
            ? Workflow.ReportDueDay(dossier) ?? request.Convention.ReportDueDate
                // The legal default (loi n°2000-321, art. 10; décret 2001-495): six months after the end of the grant's financial year.
                ?? FrenchCalendar.MonthsPeriodLastDay(new DateOnly(request.BudgetLine.Year, 12, 31), 6, dossier.Policy.Territory)
            : dossier.Notification?.PaymentWindowLastDay ?? FrenchCalendar.MonthsPeriodLastDay(from, request.Convention.PaymentWindowMonths, dossier.Policy.Territory);
        return (from, to < from ? from : to);
    }

    private static string BeneficiaryKey(Beneficiary beneficiary) =>
        !string.IsNullOrWhiteSpace(beneficiary.Siret) ? beneficiary.Siret.Trim()
        : !string.IsNullOrWhiteSpace(beneficiary.Rna) ? beneficiary.Rna.Trim()
        : beneficiary.Name.Trim().ToUpperInvariant();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
