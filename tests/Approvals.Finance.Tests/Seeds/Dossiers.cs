using Approvals.Domain;

namespace Approvals.Finance.Tests;

using static DossierCommand;

/// <summary>Realistic dossiers built with the decider: the seed (9 000 €, paid in one instalment) and larger ones.</summary>
public static class Dossiers
{
    public static readonly Authority Authority = new("Grand Besançon Métropole", "24250036100017");

    public static readonly Authority AuthorityWithPresident = Authority with
    {
        President = "Anne VIGNOT",
        PresidentTitle = "Présidente",
        Seat = "Besançon",
        Court = "Tribunal administratif de Besançon",
    };

    /// <summary>A deliberately fake SIRET for the larger beneficiary: SIREN 000000026, never assigned, valid check digits.</summary>
    public const string LargeSiret = "00000002600013";

    /// <summary>The seed dossier of the CMQ MSI, paid 9 000 € on 29 July 2022.</summary>
    public static SeedHistory SeedPaid() => SeedHistory.Of(SeedDossier.ThroughPayment);

    /// <summary>
    /// A 40 000 € grant paid in two instalments (60 % at signature, 40 % on the final report), through its second
    /// payment: above the 23 000 € publication threshold.
    /// </summary>
    public static SeedHistory LargeTwoInstalments(string beneficiaryName = "Association Technopole Microtechnique", int year = 2022, int sequence = 77, string siret = LargeSiret)
    {
        var request = SeedDossier.Request with
        {
            Beneficiary = SeedDossier.Request.Beneficiary with { Name = beneficiaryName, Siret = siret, Rna = "W000000026" },
            Object = "Programme d'animation 2022 de la technopole : ateliers, salon, accompagnement des entreprises",
            Budget = new ProvisionalBudget(
                [new("Salaires et charges", 50_000m), new("Prestations extérieures", 20_000m)],
                [new("Région Bourgogne Franche-Comté", 30_000m, false), new("Grand Besançon Métropole", 40_000m, true)]),
            AmountRequested = 40_000m,
            BudgetLine = SeedDossier.Request.BudgetLine with { Year = year },
            PaymentTerms =
            [
                new Instalment("Avance à la signature", 60m, InstalmentTrigger.AtSignature),
                new Instalment("Solde sur compte rendu financier", 40m, InstalmentTrigger.OnFinalReport),
            ],
        };
        var history = SeedHistory.Of(
        [
            (new SubmitRequest(new DossierNumber(2022, sequence), request, ProcessPolicy.Default), SeedDossier.At(2022, 5, 3)),
            (SeedDossier.Vote with { AmountVoted = 40_000m }, SeedDossier.At(2022, 6, 10)),
            (SeedDossier.Transmission, SeedDossier.At(2022, 6, 20)),
            (SeedDossier.Acknowledgment, SeedDossier.At(2022, 6, 22)),
            (SeedDossier.Signature, SeedDossier.At(2022, 6, 29)),
            (SeedDossier.Notification, SeedDossier.At(2022, 6, 30)),
            (new RequestPayment(new DateOnly(2022, 7, 15), 24_000m), SeedDossier.At(2022, 7, 16)),
            (new RecordPayment(new DateOnly(2022, 7, 29), 24_000m, "MANDAT-2022-5001"), SeedDossier.At(2022, 7, 30)),
            // The balance is due on the final report (payment terms, issue 13 item 11): the report comes first.
            (new ReceiveReport(new DateOnly(2022, 11, 15), 70_000m), SeedDossier.At(2022, 11, 16)),
            (new RecordPayment(new DateOnly(2022, 11, 30), 16_000m, "MANDAT-2022-6002"), SeedDossier.At(2022, 12, 1)),
        ]);
        return history;
    }
}
