using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

using static DossierCommand;

/// <summary>
/// Seed 000: the Cnam antenna of the Pays de Montbéliard, about 786 000 € over 2021-2024 in two phases, read from the
/// demo script (src/Approvals.Server/Demo/seed-000.json, copied next to the tests), the one copy of the seed. PMA is the granting authority. The co-funders, the tranches' amounts, their beneficiary's
/// identifiers (deliberately fake) and their vote, by an invented assembly of ten members, never a real session, are
/// illustrative: the seed gives only the total.
/// </summary>
public static class SeedProgramme
{
    private static readonly Programme Seed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", "seed-000.json")))!
        ["programmes"]![0].Deserialize<Programme>(DomainJson.Options)!;

    public static string Id => Seed.Id;

    /// <summary>The programme's holder, the seed's one funder.</summary>
    public static string Pma => Seed.Funders[0];

    public const string Cnam = "Cnam Bourgogne-Franche-Comté";

    public const string BanqueDesTerritoires = "Banque des Territoires / CdC";

    public static Programme Programme => Seed with { Funders = [Pma, Cnam, BanqueDesTerritoires] };

    private static readonly IReadOnlyList<string> Members = Enumerable.Range(1, 10).Select(i => $"Membre {i} (exemple)").ToList();

    /// <summary>An invented vote: ten members in office, all present, all for.</summary>
    private static DossierCommand.RecordVote IllustrativeVote => SeedDossier.Vote with
    {
        ReportNumber = "EXEMPLE-2022-01",
        Rapporteur = Members[0],
        Assembly = "Conseil (exemple)",
        SessionDate = new DateOnly(2022, 6, 8),
        Attendance = new Attendance(Members.Count, Members, [], [], []),
        Tally = new Tally(Members.Count, 0, 0),
        Officers = new SessionOfficers(Members[0], Members[1]),
    };

    /// <summary>One annual tranche: voted (and paid in full when <paramref name="paid"/>) to the Cnam's regional centre.</summary>
    public static SeedHistory Tranche(int year, int sequence, decimal ours, decimal cnam, decimal bdt, bool paid, string? programmeId = null)
    {
        var request = SeedDossier.Request with
        {
            Beneficiary = new Beneficiary("Association de gestion du Cnam en Bourgogne-Franche-Comté", "00000004200010", null, "Jean DUPONT", "contact@cnam-bfc.example.fr"),
            Object = $"Antenne du Cnam au Pays de Montbéliard : tranche {year}",
            Budget = new ProvisionalBudget(
                [new("Fonctionnement de l'antenne", ours + cnam + bdt)],
                [new(Pma, ours, true), new(Cnam, cnam, false), new(BanqueDesTerritoires, bdt, false)]),
            AmountRequested = ours,
            BudgetLine = new BudgetLineRef(year, "65-23-6574", "Enseignement supérieur"),
            ProgrammeId = programmeId ?? Id,
        };
        var history = SeedHistory.Of(
        [
            (new SubmitRequest(new DossierNumber(2022, sequence), request, ProcessPolicy.Default), SeedDossier.At(2022, 5, 3)),
            (IllustrativeVote with { AmountVoted = ours, AvailableCredits = 1_000_000m }, SeedDossier.At(2022, 6, 10)),
        ]);
        if (paid)
        {
            history
                .Apply(SeedDossier.Transmission, SeedDossier.At(2022, 6, 20))
                .Apply(new AcknowledgeReceipt("025-000000000-20220608-EX202201-DE", new DateOnly(2022, 6, 21)), SeedDossier.At(2022, 6, 22))
                .Apply(SeedDossier.Signature, SeedDossier.At(2022, 6, 29))
                .Apply(SeedDossier.Notification, SeedDossier.At(2022, 6, 30))
                .Apply(new RequestPayment(new DateOnly(2022, 7, 15), ours), SeedDossier.At(2022, 7, 16))
                .Apply(new RecordPayment(new DateOnly(2022, 7, 29), ours, $"MANDAT-{year}-{sequence}"), SeedDossier.At(2022, 7, 30));
        }

        return history;
    }
}
