namespace Approvals.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// In Azure: the blob service's URI. With <see cref="TableServiceUri"/> it replaces the connection string: the app
    /// signs in with its managed identity (no account key in settings) and signs download links with a user delegation key.
    /// </summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>In Azure: the table service's URI (see <see cref="BlobServiceUri"/>).</summary>
    public string? TableServiceUri { get; set; }

    public string DossiersTable { get; set; } = "Dossiers";

    public string DeadlinesTable { get; set; } = "Deadlines";

    /// <summary>The dossier list's read model (summaries, listings, words), kept from the dossiers table.</summary>
    public string DossierIndexTable { get; set; } = "DossierIndex";

    /// <summary>The dossiers' summaries and snapshots, in number order: what the index points to and the exports stream.</summary>
    public string DossierSummariesTable { get; set; } = "DossierSummaries";

    public string CountersTable { get; set; } = "Counters";

    public string BudgetLinesTable { get; set; } = "BudgetLines";

    /// <summary>Each budget line's running totals and each dossier's share of them (see <c>TableBudgetLineStore</c>).</summary>
    public string BudgetLedgerTable { get; set; } = "BudgetLedger";

    public string ProgrammesTable { get; set; } = "Programmes";

    /// <summary>Role assignments kept by Approvals and their audit register (see <c>TableRoleAssignments</c>).</summary>
    public string RoleAssignmentsTable { get; set; } = "RoleAssignments";

    /// <summary>The beneficiaries' portal: sign-in links (hashed), counters, drafts and submissions (see <c>TablePortalStore</c>).</summary>
    public string PortalTable { get; set; } = "Portal";

    /// <summary>The deployment's authorities (see <c>TableAuthorityStore</c>).</summary>
    public string AuthoritiesTable { get; set; } = "Authorities";

    public string DocumentsContainer { get; set; } = "dossiers";

    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How long one storage call may take, its retries included, before it is abandoned: short, so that an outage fails fast.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a failed request (network error, timeout, 408, 429, 5xx).</summary>
    public int MaxRetries { get; set; } = 2;
}
