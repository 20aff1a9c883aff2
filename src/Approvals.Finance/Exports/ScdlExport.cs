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
    /// grants "dont le montant annuel dépasse 23 000 €".
    /// </summary>
    public static void Write(TextWriter writer, Authority authority, IEnumerable<Dossier> dossiers, decimal threshold = 23_000m)
    {
        var signed = dossiers.Where(d => d.Request is not null && d.Signature is not null && d.AmountVoted > 0m).ToList();
        var annual = signed
            .GroupBy(d => (Beneficiary: BeneficiaryKey(d.Request!.Beneficiary), d.Request!.BudgetLine.Year))
            .ToDictionary(g => g.Key, g => g.Sum(d => d.AmountVoted));

        CsvCell.WriteRow(writer, Columns.Select(c => CsvCell.Text(c, Separator)), Separator);
        foreach (var dossier in signed.Where(d => annual[(BeneficiaryKey(d.Request!.Beneficiary), d.Request!.BudgetLine.Year)] > threshold))
        {
            CsvCell.WriteRow(writer, Row(authority, dossier), Separator);
        }
    }

    private static IEnumerable<string> Row(Authority authority, Dossier dossier)
    {
        var request = dossier.Request!;
        var beneficiary = request.Beneficiary;
        yield return CsvCell.Text(authority.Name, Separator);
        yield return CsvCell.Text(authority.Siret, Separator);
        yield return CsvCell.Number(Iso(dossier.Signature!.AuthoritySignedOn), Separator);
        yield return CsvCell.Text(dossier.ActesId?.ToString() ?? dossier.Vote?.ReportNumber, Separator);
        yield return CsvCell.Text(beneficiary.Name, Separator);
        yield return CsvCell.Text(beneficiary.Siret, Separator);
        yield return CsvCell.Text(beneficiary.Rna, Separator);
        yield return CsvCell.Text(Objet(request.Object), Separator);
        yield return CsvCell.Number(dossier.AmountVoted.ToString("0.##", CultureInfo.InvariantCulture), Separator);
        yield return CsvCell.Text("aide en numéraire", Separator);
        yield return CsvCell.Text(request.PaymentTerms.Count > 1 ? "échelonné" : "unique", Separator);
        yield return CsvCell.Number(PaymentPeriod(dossier.Payments), Separator);
        yield return CsvCell.Text(string.Empty, Separator);
        yield return CsvCell.Text("non", Separator);
        yield return CsvCell.Number(Percentage(dossier.GrantRate), Separator);
        yield return CsvCell.Text(request.BudgetLine.Label, Separator);
    }

    /// <summary>The object on one line, at most 256 characters once neutralised by <see cref="CsvCell"/>, cut with an ellipsis.</summary>
    public static string Objet(string text)
    {
        var oneLine = Whitespace().Replace(text, " ").Trim();
        var max = CsvCell.Neutralise(oneLine).Length > oneLine.Length ? ObjectMaxLength - 1 : ObjectMaxLength;
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1).TrimEnd(), "…");
    }

    /// <summary>The grant rate rounded to two decimals and kept within the schema's range (0.01 to 1).</summary>
    public static string Percentage(decimal rate) =>
        Math.Clamp(Math.Round(rate, 2, MidpointRounding.AwayFromZero), 0.01m, 1m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The single payment date, or first/last; empty before any payment.</summary>
    public static string PaymentPeriod(IReadOnlyList<DossierEvent.PaymentRecorded> payments)
    {
        if (payments.Count == 0)
        {
            return string.Empty;
        }

        var first = payments.Min(p => p.PaidOn);
        var last = payments.Max(p => p.PaidOn);
        return first == last ? Iso(first) : $"{Iso(first)}/{Iso(last)}";
    }

    private static string BeneficiaryKey(Beneficiary beneficiary) =>
        !string.IsNullOrWhiteSpace(beneficiary.Siret) ? beneficiary.Siret.Trim()
        : !string.IsNullOrWhiteSpace(beneficiary.Rna) ? beneficiary.Rna.Trim()
        : beneficiary.Name.Trim().ToUpperInvariant();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
