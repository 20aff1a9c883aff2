using Approvals.Domain;

namespace Approvals.Seeds;

using static DossierCommand;

/// <summary>
/// The CMQ MSI 2022 dossier of seed 004 taken through every stage with its real figures and dates where the seed
/// gives them (vote 9 June 2022 presided by Anne VIGNOT with Yves GUYEN as secretary, received in prefecture 21 June
/// 2022, convention ending 1 February 2023); the other dates (the contrat d'engagement républicain's among them) and
/// the ACTES number are illustrative, the SIRET and RNA number deliberately fake.
/// </summary>
public static class SeedDossier
{
    public static readonly DossierNumber Number = new(2022, 42);

    /// <summary>
    /// A deliberately fake SIRET (the deliberation gives none): SIREN 000000018 is never assigned, the check digits are
    /// valid.
    /// </summary>
    public static string Siret => Request.Beneficiary.Siret!;

    /// <summary>A deliberately fake RNA number (department 000 does not exist).</summary>
    public static string Rna => Request.Beneficiary.Rna!;

    public static string BeneficiaryEmail => Request.Beneficiary.Email;

    public static string CaseOfficerEmail => Request.CaseOfficerEmail;

    public static string ActesId => Acknowledgment.ActesId;

    /// <summary>The indicators of the convention's annex 3 ("indicateurs territoriaux attendus pour l'année 2022").</summary>
    public static IReadOnlyList<string> Indicators => Request.Convention.Indicators!;

    /// <summary>The request as the demo script gives it.</summary>
    public static GrantRequest Request => SeedScript.Request;

    public static SubmitRequest Submit => new(Number, Request, ProcessPolicy.Default);

    public static RecordVote Vote => SeedScript.Command<RecordVote>();

    public static RecordTransmission Transmission => SeedScript.Command<RecordTransmission>();

    public static AcknowledgeReceipt Acknowledgment => SeedScript.Command<AcknowledgeReceipt>();

    public static SignConvention Signature => SeedScript.Command<SignConvention>();

    public static Notify Notification => SeedScript.Command<Notify>();

    public static RequestPayment PaymentRequest => SeedScript.Command<RequestPayment>();

    public static RecordPayment Payment => SeedScript.Command<RecordPayment>();

    public static ReceiveReport Report(decimal realCosts) => new(new DateOnly(2023, 1, 20), realCosts);

    public static AcceptReport Acceptance => new(new DateOnly(2023, 2, 10));

    /// <summary>Each command with the instant it is entered: the day after its act, 10:00 in Paris.</summary>
    public static IReadOnlyList<(DossierCommand Command, DateTimeOffset Now)> ThroughPayment =>
    [
        (Submit, At(2022, 5, 3)),
        (Vote, At(2022, 6, 10)),
        (Transmission, At(2022, 6, 20)),
        (Acknowledgment, At(2022, 6, 22)),
        (Signature, At(2022, 6, 29)),
        (Notification, At(2022, 6, 30)),
        (PaymentRequest, At(2022, 7, 16)),
        (Payment, At(2022, 7, 30)),
    ];

    public static DateTimeOffset At(int year, int month, int day, int hour = 10) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero).AddHours(-2);
}
