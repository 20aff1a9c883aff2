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
    /// valid; the same in the demo script and the pages' example.
    /// </summary>
    public const string Siret = "00000001800010";

    /// <summary>A deliberately fake RNA number (department 000 does not exist).</summary>
    public const string Rna = "W000000018";

    public const string BeneficiaryEmail = "contact@cmq-msi.example.org";

    public const string CaseOfficerEmail = "agent.instructeur@grandbesancon.example.fr";

    public const string ActesId = "025-242500361-20220609-2022B0612-DE";

    /// <summary>The indicators of the convention's annex 3 ("indicateurs territoriaux attendus pour l'année 2022").</summary>
    public static readonly IReadOnlyList<string> Indicators =
    [
        "Effectifs concernés par chaque action et leurs profils",
        "Entreprises impliquées dans chaque action",
        "Transmission de la vidéo réalisée sur le salon Micronora",
    ];

    public static GrantRequest Request => new(
        ReceivedOn: new DateOnly(2022, 5, 2),
        Beneficiary: new Beneficiary(
            "Campus des Métiers et des Qualifications Microtechniques et Systèmes Intelligents (CMQ MSI)",
            Siret,
            Rna,
            "Pascal Vairac",
            BeneficiaryEmail,
            BeneficiaryKind.Association),
        Object: "Soutien au programme d'actions 2022 du CMQ MSI sur le territoire de Grand Besançon Métropole : ateliers Technilab, dispositif P-TECH, visites du salon Micronora",
        ActionsStart: new DateOnly(2022, 1, 1),
        ActionsEnd: new DateOnly(2022, 12, 31),
        Budget: SeedBudget.Budget,
        AmountRequested: SeedBudget.AmountRequested,
        BudgetLine: new BudgetLineRef(2022, "65-23-6574", "Enseignement supérieur"),
        PaymentTerms: [new Instalment("100 % à la signature de la convention", 100m, InstalmentTrigger.AtSignature)],
        Convention: new ConventionTerms(true, 2, null, new DateOnly(2023, 2, 1), Indicators),
        CaseOfficerEmail: CaseOfficerEmail,
        ProgrammeId: null,
        RepublicanCommitment: new RepublicanCommitment(new DateOnly(2022, 5, 2), "Pascal Vairac"));

    public static SubmitRequest Submit => new(Number, Request, ProcessPolicy.Default);

    public static RecordVote Vote => new(
        "2022-06-09-12",
        "Anne VIGNOT",
        "Bureau",
        new DateOnly(2022, 6, 9),
        SeedDeliberation.Attendance,
        SeedDeliberation.Tally,
        SecretBallot: false,
        PresidentVotesFor: null,
        AmountVoted: 9_000m,
        AvailableCredits: SeedBudget.BudgetLineAmount,
        Officers: new SessionOfficers("Mme Anne VIGNOT", "M. Yves GUYEN"));

    public static RecordTransmission Transmission => new(new DateOnly(2022, 6, 20), "S²LOW (DOTELEC)");

    public static AcknowledgeReceipt Acknowledgment => new(ActesId, new DateOnly(2022, 6, 21));

    public static SignConvention Signature => new(new DateOnly(2022, 6, 28), "Anne VIGNOT", new DateOnly(2022, 6, 29), "Pascal VAIRAC");

    public static Notify Notification => new(new DateOnly(2022, 6, 30));

    public static RequestPayment PaymentRequest => new(new DateOnly(2022, 7, 15), 9_000m);

    public static RecordPayment Payment => new(new DateOnly(2022, 7, 29), 9_000m, "MANDAT-2022-4711");

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
