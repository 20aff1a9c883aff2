using Approvals.Api;
using Approvals.Application;
using Approvals.Mail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approvals.Server;

/// <summary>
/// Development only: a sign-in that lets you pick a user and a role, and the mailbox of e-mails written to the local
/// pickup folder. Never mapped outside the Development environment.
/// </summary>
public static class DevelopmentApi
{
    public static void MapDevelopmentApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/sign-in", (Delegate)SignIn).DisableAntiforgery().ExcludeFromDescription().AllowAnonymous();
        app.MapPost("/dev/sign-out", SignOut).DisableAntiforgery().ExcludeFromDescription().AllowAnonymous();
        var mailbox = app.MapGroup("/api/mailbox").WithTags("Development").RequireRoles(CommandRoutes.Read);
        mailbox.MapGet("/", ListMail).WithName("Mailbox");
        mailbox.MapGet("/{id}", ReadMail).WithName("MailboxMessage");
    }

    public static async Task<Results<RedirectHttpResult, ApiProblem>> SignIn(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["name"].ToString().Trim();
        if (name.Length is 0 or > 100 || RoleNames.Parse(form["role"]) is not { } role)
        {
            return ApiProblems.From([Domain.Refusal.Invalid("signin.invalid", "name", "Nom et rôle", "Indiquez un nom (100 caractères au plus) et un rôle.")]);
        }

        ApiIdentity.SignIn(context, new Actor(name, role));
        return TypedResults.Redirect(LocalPaths.OrHome(form["retour"].ToString()));
    }

    public static RedirectHttpResult SignOut(HttpContext context)
    {
        ApiIdentity.SignOut(context);
        return TypedResults.Redirect("/connexion.html");
    }

    public static Results<Ok<List<MailSummary>>, ApiProblem> ListMail(PickupMailbox mailbox) =>
        TypedResults.Ok(mailbox.List(200).Select(m => new MailSummary(m.Id, m.Date, m.To, m.Subject)).ToList());

    public static Results<Ok<PickedUpMail>, ApiProblem> ReadMail(string id, PickupMailbox mailbox) =>
        mailbox.Find(id) is { } mail
            ? TypedResults.Ok(mail)
            : ApiProblems.From([new Domain.Refusal(Domain.RefusalKind.NotFound, "mail.not-found", "Courriel existant", "id", $"Le courriel {id} n'existe pas.")]);

    /// <summary>A mail of the list, without its bodies.</summary>
    public sealed record MailSummary(string Id, DateTimeOffset Date, IReadOnlyList<string> To, string Subject);
}
