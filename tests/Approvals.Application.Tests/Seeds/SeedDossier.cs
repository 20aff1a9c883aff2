using Approvals.Domain;

namespace Approvals.Application.Tests;

using static DossierCommand;

/// <summary>
/// The CMQ MSI 2022 dossier of seed 004 (Grand Besançon Métropole, 9 000 €), the minimum copied from the domain tests:
/// the request, the bureau vote of 9 June 2022 and the later acts. The SIRET, RNA, ACTES number and the dates after the
/// acknowledgment (21 June 2022) are illustrative.
/// </summary>
public static class SeedDossier
{
    public const string Siret = "73282932000074";

    public const string Rna = "W251004567";

    public const string ActesId = "025-242500361-20220609-2022B0612-DE";

    public const string BeneficiaryEmail = "contact@cmq-msi.example.org";

    public const string CaseOfficerEmail = "agent.instructeur@grandbesancon.example.fr";

    public static GrantRequest Request => new(
        ReceivedOn: new DateOnly(2022, 5, 2),
        Beneficiary: new Beneficiary(
            "Campus des Métiers et des Qualifications Microtechniques et Systèmes Intelligents (CMQ MSI)",
            Siret,
            Rna,
            "Pascal Vairac",
            BeneficiaryEmail),
        Object: "Soutien au programme d'actions 2022 du CMQ MSI : Technilab, P-TECH, salon Micronora",
        ActionsStart: new DateOnly(2022, 1, 1),
        ActionsEnd: new DateOnly(2022, 12, 31),
        Budget: new ProvisionalBudget(
            [
                new("Salaires du personnel", 2_472m),
                new("Charges personnel", 618m),
                new("Achats (études, fournitures, entretien)", 6_900m),
                new("Services extérieurs (location, assurance, documentation)", 1_500m),
                new("Autres services extérieurs (rémunérations intermédiaires, déplacements)", 4_300m),
            ],
            [
                new("Région Bourgogne Franche-Comté", 5_790m, FromThisAuthority: false),
                new("Grand Besançon Métropole", 9_000m, FromThisAuthority: true),
                new("Rectorat de l'académie de Besançon", 1_000m, FromThisAuthority: false),
            ]),
        AmountRequested: 9_000m,
        BudgetLine: new BudgetLineRef(2022, "65-23-6574", "Enseignement supérieur"),
        PaymentTerms: [new Instalment("100 % à la signature de la convention", 100m, InstalmentTrigger.AtSignature)],
        Convention: new ConventionTerms(true, 2, null, new DateOnly(2023, 2, 1)),
        CaseOfficerEmail: CaseOfficerEmail,
        ProgrammeId: null);

    /// <summary>The bureau session of 9 June 2022: 32 in office, 29 present, 2 proxies, 2 interested; 29 for.</summary>
    public static RecordVote Vote => new(
        "2022-06-09-12",
        "Anne VIGNOT",
        "Bureau",
        new DateOnly(2022, 6, 9),
        new Attendance(
            32,
            [
                "Mme Frédérique BAEHR", "Mme Catherine BARTHELET", "M. Gabriel BAULIEU", "Mme Marie-Jeanne BERNABEU",
                "M. Nicolas BODIN", "M. François BOUSSO", "M. Sébastien COUDRY", "Mme Marie ETEVENARD", "M. Marcel FELT",
                "Mme Lorine GAGLIOLO", "M. Gilbert GAVIGNET", "M. Olivier GRIMAITRE", "M. Yves GUYEN", "M. Daniel HUOT",
                "M. Michel JASSEY", "M. Frank LAIDIE", "M. Christophe LIME", "M. Christian MAGNIN-FEYSOT", "M. Yves MAURICE",
                "M. Jean-Paul MICHAUD", "M. Anthony NAPPEZ", "M. Gilles ORY", "Mme Françoise PRESSE", "M. Pascal ROUTHIER",
                "M. Nathan SOURISSEAU", "M. Fabrice TAILLARD", "Mme Anne VIGNOT", "M. Benoit VUILLEMIN", "Mme Marie ZEHAF",
            ],
            ["Mme Anne BENEDETTO", "M. Denis JACQUIN", "M. Aurélien LAROPPE"],
            [new("M. Denis JACQUIN", "M. Frank LAIDIE"), new("M. Aurélien LAROPPE", "M. Nathan SOURISSEAU")],
            ["Sébastien COUDRY", "Benoît VUILLEMIN"]),
        new Tally(29, 0, 0),
        SecretBallot: false,
        PresidentVotesFor: null,
        AmountVoted: 9_000m,
        AvailableCredits: 510_000m);

    /// <summary>Each command with the instant it is entered: the day after its act, 10:00 in Paris.</summary>
    public static IReadOnlyList<(DossierCommand Command, DateTimeOffset Now)> ThroughPayment =>
    [
        (new SubmitRequest(new DossierNumber(2022, 42), Request, ProcessPolicy.Default), At(2022, 5, 3)),
        (Vote, At(2022, 6, 10)),
        (new RecordTransmission(new DateOnly(2022, 6, 20), "S²LOW"), At(2022, 6, 20)),
        (new AcknowledgeReceipt(ActesId, new DateOnly(2022, 6, 21)), At(2022, 6, 22)),
        (new SignConvention(new DateOnly(2022, 6, 28), "Anne VIGNOT", new DateOnly(2022, 6, 29), "Pascal VAIRAC"), At(2022, 6, 29)),
        (new Notify(new DateOnly(2022, 6, 30)), At(2022, 6, 30)),
        (new RequestPayment(new DateOnly(2022, 7, 15), 9_000m), At(2022, 7, 16)),
        (new RecordPayment(new DateOnly(2022, 7, 29), 9_000m, "MANDAT-2022-4711"), At(2022, 7, 30)),
    ];

    public static DateTimeOffset At(int year, int month, int day, int hour = 10) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero).AddHours(-2);
}
