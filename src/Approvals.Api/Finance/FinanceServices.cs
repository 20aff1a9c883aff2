using Approvals.Application;

namespace Approvals.Api;

/// <summary>What the finance routes need, bound with <c>[AsParameters]</c>.</summary>
public sealed record FinanceServices(
    DossierService Dossiers,
    IDossierStore Store,
    IBudgetLineStore Lines,
    BudgetLedger Ledger,
    IProgrammeStore Programmes,
    IDocumentStore Documents,
    AuthorityDirectory Authorities,
    ExportLoading Exports,
    TimeProvider Time);
