using Approvals.Application;

namespace Approvals.Api;

/// <summary>The beneficiaries' portal (section <c>Portal</c>).</summary>
public sealed record PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>
    /// The site's public address (e.g. <c>https://subventions.example.fr</c>): sign-in links are built on it and work only
    /// there. Unset, the address the request came to is used (development and tests on a random port).
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>Sign-in links one address may receive per hour: a flood cannot bury someone's mailbox.</summary>
    public int LinksPerAddressPerHour { get; init; } = 5;

    /// <summary>Sign-in requests (and link uses) one client (IP address) may make per hour.</summary>
    public int RequestsPerClientPerHour { get; init; } = 30;

    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The budget line a portal request is charged to until the case officer instructs it.</summary>
    public string BudgetLineCode { get; init; } = "65-025-6574";

    public string BudgetLineLabel { get; init; } = "Subventions aux associations (demandes du portail)";

    /// <summary>The case officer's address recorded with portal requests.</summary>
    public string CaseOfficerEmail { get; init; } = "instruction.subventions@collectivite.example.fr";

    /// <summary>
    /// The indicators the activity report of a portal request gives until the case officer instructs it (the convention's
    /// annex sets them: seed 004, art. 3). Configured as <c>Portal:ReportIndicators:0</c>, <c>:1</c>…; unset,
    /// <see cref="DefaultReportIndicators"/> (a default here would be appended to, not replaced by, the configured list).
    /// </summary>
    public IReadOnlyList<string>? ReportIndicators { get; init; }

    public static IReadOnlyList<string> DefaultReportIndicators { get; } =
        ["Nombre de personnes ayant bénéficié des actions", "Nombre d'actions réalisées"];

    /// <summary>The service the acknowledgment names (CRPA art. R112-11-1, 2°).</summary>
    public PortalService Service { get; init; } = PortalService.Example;
}
