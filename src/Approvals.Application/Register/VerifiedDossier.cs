namespace Approvals.Application;

/// <summary>A dossier, its register and the register's check, all at one version (the snapshot's).</summary>
public sealed record VerifiedDossier(CommandOutcome Dossier, IReadOnlyList<RegisterEntry> Register, RegisterVerification Verification);
