using Approvals.Domain;

namespace Approvals.Application;

/// <summary>Refusals that come from the application rather than the process.</summary>
public static class Refusals
{
    public static Refusal NotFound(string dossierId) =>
        new(RefusalKind.NotFound, "dossier.not-found", "Dossier existant", null, $"Le dossier {dossierId} n'existe pas.");

    public static Refusal ConcurrentChange { get; } = Refusal.WrongStage(
        "dossier.concurrent-change", "Modification concurrente", "Le dossier vient d'être modifié par quelqu'un d'autre : rechargez-le et recommencez.");

    public static Refusal StaleVersion(long expected, long actual) => Refusal.WrongStage(
        "dossier.version", "Version attendue (If-Match)", $"Le dossier est à la version {actual}, pas {expected} : rechargez-le et recommencez.");

    public static Refusal KeyReused { get; } = Refusal.Invalid(
        "idempotency.mismatch", "Idempotency-Key", "Clé d'idempotence unique par requête", "Cette clé d'idempotence a déjà servi pour une autre requête.");
}
