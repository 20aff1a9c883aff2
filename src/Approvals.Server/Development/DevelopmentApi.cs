using Approvals.Api;
using Approvals.Application;
using Approvals.Mail;

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

    public static async Task<IResult> SignIn(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["name"].ToString().Trim();
        if (name.Length is 0 or > 100 || RoleNames.Parse(form["role"]) is not { } role)
        {
            return ApiProblems.From([Domain.Refusal.Invalid("signin.invalid", "name", "Nom et rôle", "Indiquez un nom (100 caractères au plus) et un rôle.")]);
        }

        ApiIdentity.SignIn(context, new Actor(name, role));
        return Results.Redirect(LocalPaths.OrHome(form["retour"].ToString()));
    }

    public static IResult SignOut(HttpContext context)
    {
        ApiIdentity.SignOut(context);
        return Results.Redirect("/connexion.html");
    }

    public static IResult ListMail(HttpContext context, PickupMailbox mailbox) =>
        ApiIdentity.Authorize(context, CommandRoutes.Read).Denied
        ?? Results.Json(mailbox.List(200).Select(m => new { m.Id, m.Date, m.To, m.Subject }), DomainJson.Options);

    public static IResult ReadMail(string id, HttpContext context, PickupMailbox mailbox) =>
        ApiIdentity.Authorize(context, CommandRoutes.Read).Denied
        ?? (mailbox.Find(id) is { } mail
            ? Results.Json(mail, DomainJson.Options)
            : ApiProblems.From([new Domain.Refusal(Domain.RefusalKind.NotFound, "mail.not-found", "Courriel existant", "id", $"Le courriel {id} n'existe pas.")]));
}
