using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Http;

namespace Approvals.Api;

/// <summary>
/// The one place where refusals become HTTP: <c>application/problem+json</c> (RFC 9457) with every field error.
/// Wrong stage or concurrent change → 409, invalid data → 422, too large → 413, unknown dossier → 404.
/// </summary>
public static class ApiProblems
{
    public static ApiProblem From(IReadOnlyList<Refusal> refusals)
    {
        var first = refusals[0];
        var status = refusals.Any(r => r.Code == "document.too-large") ? StatusCodes.Status413PayloadTooLarge
            : first.Kind switch
            {
                RefusalKind.WrongStage => StatusCodes.Status409Conflict,
                RefusalKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
        var title = status switch
        {
            StatusCodes.Status409Conflict => "Action impossible à cette étape",
            StatusCodes.Status404NotFound => "Introuvable",
            StatusCodes.Status413PayloadTooLarge => "Fichier trop volumineux",
            _ => "Données invalides",
        };
        return Problem(status, first.Code, title, refusals.Count == 1 ? first.Message : string.Join(" ", refusals.Select(r => r.Message)),
            refusals.Select(r => new FieldError(r.Code, r.Field, r.Rule, r.Message)).ToList());
    }

    public static ApiProblem Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "identity.missing", "Identification requise", "Connectez-vous pour accéder à Approvals.", []);

    public static ApiProblem Forbidden(Actor actor, IEnumerable<Role> allowed) =>
        Problem(StatusCodes.Status403Forbidden, "identity.role", "Action réservée",
            $"Votre rôle ({RoleLabels.Of(actor.Role)}) ne permet pas cette action ; elle est réservée à : {string.Join(", ", allowed.Select(RoleLabels.Of))}.", []);

    /// <summary>Signed in, but the role claims are refused: <paramref name="detail"/> says why and whom to ask.</summary>
    public static ApiProblem RoleRefused(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "identity.no-role", "Accès non attribué", detail, []);

    public static ApiProblem BadJson(string? path, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "request.json", "Requête illisible", detail,
            [new FieldError("request.json", FieldOf(path), "JSON valide et conforme", detail)]);

    /// <summary>A request header the server cannot read: refused rather than ignored.</summary>
    public static ApiProblem BadHeader(string header, string rule, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "request.header", "En-tête invalide", detail, [new FieldError("request.header", header, rule, detail)]);

    public static ApiProblem UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "request.media-type", "Type de contenu non pris en charge", $"Le corps de la requête doit être de type {expected}.", []);

    /// <summary>For statuses the framework answers by itself (no route, wrong method, wrong media type): the same problem shape.</summary>
    public static ApiProblem ForStatus(int status) => Problem(status, $"http.{status}", status switch
    {
        StatusCodes.Status404NotFound => "Introuvable",
        StatusCodes.Status405MethodNotAllowed => "Méthode non autorisée",
        StatusCodes.Status415UnsupportedMediaType => "Type de contenu non pris en charge",
        _ => "Requête refusée",
    }, status == StatusCodes.Status415UnsupportedMediaType ? "Le corps de la requête doit être du JSON (application/json) ou un formulaire de fichier (multipart/form-data)." : "Cette adresse ou cette méthode n'existe pas dans l'API.", []);

    /// <summary>
    /// A storage fault. When storage went away nothing was written; when it stopped answering mid-write the write may
    /// still land after the timeout, so the detail does not promise that nothing was recorded: a retry under the same
    /// <c>Idempotency-Key</c> settles it either way (the key is committed with the events).
    /// </summary>
    public static ApiProblem StorageUnavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "storage.unavailable", "Service momentanément indisponible",
            "Le stockage ne répond pas à temps : l'action n'a peut-être pas été enregistrée. Réessayez dans quelques instants ; "
            + "renvoyée avec la même clé d'idempotence, elle ne sera jamais enregistrée deux fois.", []);

    public static ApiProblem Problem(int status, string code, string title, string detail, IReadOnlyList<FieldError> errors) =>
        new(new ProblemBody($"https://approvals.local/problems/{code}", title, status, detail, errors));

    /// <summary>"$.tally.for" → "tally.for", the same path the refusals use.</summary>
    private static string? FieldOf(string? path) => path is null or "$" ? null : path.TrimStart('$', '.');

    public sealed record FieldError(string Code, string? Field, string Rule, string Message);

    public sealed record ProblemBody(string Type, string Title, int Status, string Detail, IReadOnlyList<FieldError> Errors);
}
