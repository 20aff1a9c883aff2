using Approvals.Domain;

namespace Approvals.Api;

/// <summary>
/// A beneficiary's command on their dossier: its name (telemetry), its route's last segment (the idempotency
/// fingerprint's route), the command built from the dossier, the body and today in Paris (or the portal's own refusal),
/// and the public view answered.
/// </summary>
public sealed record PortalCommand<TBody, TView>(
    string DossierId, string Name, string Segment, Func<Dossier, TBody, DateOnly, Result<DossierCommand>> Command, Func<Dossier, DateOnly, TView> View);
