using System.Text.RegularExpressions;
using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// Role assignments kept by Approvals (used when the identity provider sends no role), managed by administrators;
/// every change goes to an audit register that has no route to change or remove a row. An administrator manages the
/// roles of the authority they act in (<see cref="CurrentAuthority"/>) and sees no other's.
/// </summary>
public static partial class RoleAssignmentsApi
{
    public const int MaxPersonLength = 200;

    public static IReadOnlyList<Role> Manage { get; } = [Role.Administrator];

    public static void MapRoleAssignmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/role-assignments").WithTags("Identity").RequireRoles(Manage);
        group.MapGet("/", List).WithName("ListRoleAssignments");
        group.MapPut("/{person}", Put).WithName("PutRoleAssignment");
        group.MapDelete("/{person}", Delete).WithName("DeleteRoleAssignment");
        app.MapGet("/api/role-audit", Audit).WithTags("Identity").WithName("RoleAudit").RequireRoles(Manage);
    }

    public static async Task<Results<Ok<List<RoleAssignmentView>>, ApiProblem>> List(HttpContext context, IRoleAssignments assignments)
    {
        var authority = CurrentAuthority.Of(context);
        return TypedResults.Ok((await assignments.ListAsync(context.RequestAborted)).Where(a => a.AuthorityId == authority).Select(View).ToList());
    }

    public static async Task<Results<Ok<RoleAssignmentView>, ApiProblem>> Put(
        string person, JsonBody<RoleAssignmentBody> body, HttpContext context, IRoleAssignments assignments, TimeProvider time)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var role = RoleNames.Parse(body.Value!.Role);
        var refusals = CheckPerson(person).ToList();
        if (role is null)
        {
            refusals.Add(Refusal.Invalid("role-assignment.role", "role", "Rôle d'Approvals",
                $"Le rôle doit être l'un de : {string.Join(", ", RoleNames.People)}."));
        }

        if (refusals.Count > 0)
        {
            return ApiProblems.From(refusals);
        }

        var actor = ApiIdentity.Caller(context);
        var key = PersonSession.PersonKey(person);
        await assignments.ChangeAsync(key, role, actor.Name, time.GetUtcNow(), context.RequestAborted, actor.AuthorityId);
        return TypedResults.Ok(View((await assignments.FindAllAsync(key, context.RequestAborted)).First(a => a.AuthorityId == actor.AuthorityId)));
    }

    public static async Task<Results<NoContent, ApiProblem>> Delete(string person, HttpContext context, IRoleAssignments assignments, TimeProvider time)
    {
        var actor = ApiIdentity.Caller(context);
        if (CheckPerson(person).ToList() is { Count: > 0 } refusals)
        {
            return ApiProblems.From(refusals);
        }

        return await assignments.ChangeAsync(PersonSession.PersonKey(person), null, actor.Name, time.GetUtcNow(), context.RequestAborted, actor.AuthorityId) is null
            ? ApiProblems.From([new Refusal(RefusalKind.NotFound, "role-assignment.not-found", "Attribution existante", "person",
                $"Aucun rôle n'est attribué à « {person} ».")])
            : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<RoleAuditView>>, ApiProblem>> Audit(HttpContext context, IRoleAssignments assignments, int? max)
    {
        var authority = CurrentAuthority.Of(context);
        var rows = await assignments.AuditAsync(Math.Clamp(max ?? 500, 1, 5000), context.RequestAborted);
        return TypedResults.Ok(rows.Where(r => r.AuthorityId == authority).Select(r => new RoleAuditView(
            r.Person, r.Before, r.Before is { } b ? RoleLabels.Of(b) : null, r.After, r.After is { } a ? RoleLabels.Of(a) : null, r.ChangedBy, r.ChangedAt)).ToList());
    }

    /// <summary>A person is an e-mail address or a provider's subject: one line of at most <see cref="MaxPersonLength"/> characters.</summary>
    public static IEnumerable<Refusal> CheckPerson(string person)
    {
        var trimmed = person.Trim();
        if (trimmed.Length is 0 or > MaxPersonLength || trimmed.Any(char.IsControl))
        {
            yield return Refusal.Invalid("role-assignment.person", "person", "Adresse électronique ou identifiant",
                $"Indiquez l'adresse électronique ou l'identifiant (sub) de la personne : une ligne de {MaxPersonLength} caractères au plus.");
        }
        else if (trimmed.Contains('@', StringComparison.Ordinal) && !Email().IsMatch(trimmed))
        {
            yield return Refusal.Invalid("role-assignment.person", "person", "Adresse électronique valide",
                $"« {trimmed} » n'est pas une adresse électronique valide (forme attendue : prenom.nom@collectivite.fr).");
        }
    }

    private static RoleAssignmentView View(RoleAssignment assignment) =>
        new(assignment.Person, assignment.Role, RoleLabels.Of(assignment.Role), assignment.AssignedBy, assignment.AssignedAt);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    public sealed record RoleAssignmentBody(string Role);

    public sealed record RoleAssignmentView(string Person, Role Role, string RoleLabel, string AssignedBy, DateTimeOffset AssignedAt);

    public sealed record RoleAuditView(string Person, Role? Before, string? BeforeLabel, Role? After, string? AfterLabel, string ChangedBy, DateTimeOffset ChangedAt);
}
