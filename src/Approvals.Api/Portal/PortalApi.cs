using System.Globalization;
using System.Text.Json;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Approvals.Api;

using static PortalBodies;

/// <summary>
/// The beneficiaries' portal: sign-in by a one-time link sent by e-mail, the draft, the submission (the same
/// <see cref="DossierService.CreateAsync"/> as the agents' form), the dossiers of the signed-in address, their documents
/// and acknowledgments. Open to anonymous callers at the routing level; each handler checks the portal session, and a
/// dossier the address did not submit answers 404 as if it did not exist.
/// </summary>
public static class PortalApi
{
    /// <summary>The same answer for every address (known or not): nothing tells whether it ever used the portal.</summary>
    public const string LinkSentMessage =
        "Si cette adresse est valide, un lien de connexion vient d'y être envoyé. Il est valable 30 minutes et ne sert qu'une fois.";

    private const int MaxDraftChars = 64 * 1024;

    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal").WithTags("Portail des bénéficiaires").AllowAnonymous();
        group.MapPost("/sign-in", (HttpContext c, [AsParameters] ApiServices a, PortalServices p) => RequestLink(c, a, p)).WithName("PortalRequestLink").Accepts<SignInRequest>("application/json");
        group.MapPost("/session", (HttpContext c, [AsParameters] ApiServices a, PortalServices p) => UseLink(c, a, p)).WithName("PortalUseLink").Accepts<LinkUse>("application/json");
        group.MapDelete("/session", (HttpContext c) => SignOut(c)).WithName("PortalSignOut");
        group.MapGet("/me", (HttpContext c, [AsParameters] ApiServices a) => Me(c, a)).WithName("PortalMe");
        group.MapGet("/draft", (HttpContext c, [AsParameters] ApiServices a, PortalServices p) => ReadDraft(c, a, p)).WithName("PortalReadDraft");
        group.MapPut("/draft", (HttpContext c, [AsParameters] ApiServices a, PortalServices p) => SaveDraft(c, a, p)).WithName("PortalSaveDraft").Accepts<JsonElement>("application/json");
        group.MapPost("/requests", (HttpContext c, [AsParameters] ApiServices a, PortalServices p) => Submit(c, a, p)).WithName("PortalSubmit").Accepts<PortalApplication>("application/json");
        group.MapGet("/dossiers", (HttpContext c, [AsParameters] ApiServices a, PortalServices p) => List(c, a, p)).WithName("PortalListDossiers");
        group.MapGet("/dossiers/{id}", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => Get(id, c, a, p)).WithName("PortalGetDossier");
        group.MapPost("/dossiers/{id}/documents", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => Upload(id, c, a, p))
            .WithName("PortalUploadDocument").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        group.MapPost("/dossiers/{id}/payment-request", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => RequestPayment(id, c, a, p))
            .WithName("PortalRequestPayment").Accepts<PaymentRequestBody>("application/json");
        group.MapGet("/dossiers/{id}/acknowledgment", (string id, HttpContext c, [AsParameters] ApiServices a, PortalServices p) => AcknowledgmentPdf(id, c, a, p))
            .WithName("PortalAcknowledgment");
    }

    public static async Task<IResult> RequestLink(HttpContext context, ApiServices services, PortalServices portal)
    {
        var body = await DossiersApi.ReadBodyAsync(context, typeof(SignInRequest));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var email = ((SignInRequest)body.Value!).Email?.Trim();
        if (EmailAddresses.Check(email, "email", "L'adresse électronique") is { } refusal)
        {
            return ApiProblems.From([refusal]);
        }

        var now = services.Time.GetUtcNow();
        var address = MagicLinks.Normalise(email!);
        if (await ThrottleAsync(context, portal, now, ("client", ClientKey(context), portal.Options.RequestsPerClientPerHour),
                ("address", MagicLinks.AddressKey(address), portal.Options.LinksPerAddressPerHour)) is { } throttled)
        {
            return throttled;
        }

        var origin = portal.Options.PublicBaseUrl is { Length: > 0 } configured ? Origin(new Uri(configured)) : RequestOriginOf(context.Request);
        var token = MagicLinks.NewToken();
        var expires = now + MagicLinks.Lifetime;
        await portal.Store.SaveLinkAsync(new PortalLink(MagicLinks.Hash(token), address, origin, expires), context.RequestAborted);
        // The token travels in the fragment: never sent to the server by the link itself, so neither logs nor a mail
        // scanner's visit use it; the page posts it (with the application's header) to sign in.
        var link = new Uri($"{origin}/portail/connexion.html#jeton={token}");
        try
        {
            await portal.Mailer.SendAsync(PortalMails.SignInLink(address, link, expires), context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            portal.Logger.LogWarning(e, "The portal's sign-in link could not be sent.");
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "portal.mail-unavailable", "Envoi impossible",
                "Le message de connexion n'a pas pu être envoyé pour l'instant : réessayez dans quelques minutes.", []);
        }

        return Results.Json(new { message = LinkSentMessage }, DomainJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> UseLink(HttpContext context, ApiServices services, PortalServices portal)
    {
        var body = await DossiersApi.ReadBodyAsync(context, typeof(LinkUse));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var now = services.Time.GetUtcNow();
        if (await ThrottleAsync(context, portal, now, ("client", ClientKey(context), portal.Options.RequestsPerClientPerHour)) is { } throttled)
        {
            return throttled;
        }

        var token = ((LinkUse)body.Value!).Token ?? "";
        var used = token.Length is > 0 and <= 100 ? await portal.Store.UseLinkAsync(MagicLinks.Hash(token), now, context.RequestAborted) : null;
        var refused = used is not { } u
            ? "Ce lien de connexion n'est pas valable : demandez-en un nouveau."
            : MagicLinks.Refusal(u.Link, u.UsedNow, RequestOriginOf(context.Request), now);
        if (refused is not null)
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "portal.link", "Lien de connexion refusé", refused, []);
        }

        PortalSession.SignIn(context, used!.Value.Link.Address, now + portal.Options.SessionLifetime);
        return Results.Json(new Me(used.Value.Link.Address), DomainJson.Options);
    }

    public static IResult SignOut(HttpContext context)
    {
        PortalSession.SignOut(context);
        return Results.NoContent();
    }

    public static IResult Me(HttpContext context, ApiServices services) =>
        PortalSession.Address(context, services.Time.GetUtcNow()) is { } address ? Results.Json(new Me(address), DomainJson.Options) : NotSignedIn();

    public static async Task<IResult> ReadDraft(HttpContext context, ApiServices services, PortalServices portal)
    {
        if (PortalSession.Address(context, services.Time.GetUtcNow()) is not { } address)
        {
            return NotSignedIn();
        }

        var draft = await portal.Store.ReadDraftAsync(address, context.RequestAborted);
        return draft is null ? Results.NoContent() : Results.Text(draft, "application/json");
    }

    /// <summary>The form as typed, kept as the client sent it (a JSON object of at most 64 KiB) until the request is submitted.</summary>
    public static async Task<IResult> SaveDraft(HttpContext context, ApiServices services, PortalServices portal)
    {
        if (PortalSession.Address(context, services.Time.GetUtcNow()) is not { } address)
        {
            return NotSignedIn();
        }

        var body = await DossiersApi.ReadBodyAsync(context, typeof(JsonElement));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var json = ((JsonElement)body.Value!).GetRawText();
        if (((JsonElement)body.Value!).ValueKind != JsonValueKind.Object || json.Length > MaxDraftChars)
        {
            return ApiProblems.From([Refusal.Invalid("portal.draft", "draft", "Brouillon : un objet JSON de 64 Kio au plus",
                "Le brouillon doit être un objet JSON de 64 Kio au plus.")]);
        }

        await portal.Store.SaveDraftAsync(address, json, context.RequestAborted);
        return Results.NoContent();
    }

    public static async Task<IResult> Submit(HttpContext context, ApiServices services, PortalServices portal)
    {
        var now = services.Time.GetUtcNow();
        if (PortalSession.Address(context, now) is not { } address)
        {
            return NotSignedIn();
        }

        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var body = await DossiersApi.ReadBodyAsync(context, typeof(PortalApplication));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var application = (PortalApplication)body.Value!;
        var request = application.ToRequest(address, portal.Options, now);
        var own = application.Check();
        if (own.Count > 0)
        {
            // Every error at once: the portal's and the request's rules.
            return ApiProblems.From([.. own, .. RequestRules.Check(request, ProcessPolicy.Default, now)]);
        }

        var key = headers!.IdempotencyKey is { } k ? $"portal:{MagicLinks.AddressKey(address)[..16]}:{k}" : null;
        var outcome = await services.Dossiers.CreateAsync(request, Actor(address), key, context.RequestAborted);
        ApprovalsTelemetry.CommandHandled("PortalSubmit", outcome.IsOk ? null : outcome.Refusals);
        if (!outcome.IsOk)
        {
            return ApiProblems.From(outcome.Refusals);
        }

        var created = outcome.Unwrap();
        var number = created.State.Number!.ToString();
        // A retry under the same key finds the dossier already recorded: it gets the same answer and no second e-mail.
        var first = await portal.Store.FindSubmissionAsync(created.DossierId, context.RequestAborted) is null;
        await portal.Store.RecordSubmissionAsync(new PortalSubmission(created.DossierId, number, address, created.State.SubmittedAt ?? now), context.RequestAborted);
        await portal.Store.DeleteDraftAsync(address, context.RequestAborted);
        var pdf = $"/api/portal/dossiers/{created.DossierId}/acknowledgment";
        if (first)
        {
            await SendAcknowledgmentAsync(context, portal, created.DossierId, created.State, address, pdf);
        }

        return Results.Json(new Submitted(created.DossierId, number, pdf), DomainJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>R112-11-2: sent at once, to the address the request came from (R112-11-3). The PDF stays downloadable if it fails.</summary>
    private static async Task SendAcknowledgmentAsync(HttpContext context, PortalServices portal, string dossierId, Dossier state, string address, string pdf)
    {
        try
        {
            var origin = portal.Options.PublicBaseUrl is { Length: > 0 } configured ? Origin(new Uri(configured)) : RequestOriginOf(context.Request);
            await portal.Mailer.SendAsync(PortalMails.Acknowledgment(state, address, portal.Options.Service, MissingAtReceipt(state), new Uri(origin + pdf)), context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            portal.Logger.LogWarning(e, "The acknowledgment of {DossierId} could not be e-mailed.", dossierId);
        }
    }

    public static async Task<IResult> List(HttpContext context, ApiServices services, PortalServices portal)
    {
        if (PortalSession.Address(context, services.Time.GetUtcNow()) is not { } address)
        {
            return NotSignedIn();
        }

        var summaries = new List<Summary>();
        foreach (var submission in await portal.Store.SubmissionsOfAsync(address, context.RequestAborted))
        {
            if ((await services.Dossiers.GetAsync(submission.DossierId, context.RequestAborted)) is { IsOk: true } found)
            {
                var state = found.Unwrap().State;
                summaries.Add(new Summary(submission.DossierId, submission.Number, submission.SubmittedAt, state.Request!.Object, PublicDossier.StageWords(state.Stage)));
            }
        }

        return Results.Json(summaries, DomainJson.Options);
    }

    public static async Task<IResult> Get(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (state, denied) = await OwnDossierAsync(id, context, services, portal);
        return denied ?? Results.Json(PublicDossier.Of(id, state!), DomainJson.Options);
    }

    public static async Task<IResult> Upload(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (_, denied) = await OwnDossierAsync(id, context, services, portal);
        return denied ?? await DocumentsApi.UploadAsAsync(id, Actor(PortalSession.Address(context, services.Time.GetUtcNow())!), PortalDocuments.Required, context, services);
    }

    /// <summary>
    /// The beneficiary's payment request, received today (Paris): the agents' <c>RequestPayment</c> command, so the decider
    /// refuses it, in words, after the window's last day (seed 004, art. 4: within two months of the notification) or
    /// above what the payment terms let them ask.
    /// </summary>
    public static async Task<IResult> RequestPayment(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (_, denied) = await OwnDossierAsync(id, context, services, portal);
        if (denied is not null)
        {
            return denied;
        }

        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var body = await DossiersApi.ReadBodyAsync(context, typeof(PaymentRequestBody));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var now = services.Time.GetUtcNow();
        var request = (PaymentRequestBody)body.Value!;
        var idempotency = headers!.IdempotencyKey is { } key ? IdempotentRequest.Of(key, "POST", $"/api/portal/dossiers/{id}/payment-request", request) : null;
        var outcome = await services.Dossiers.HandleAsync(id, new DossierCommand.RequestPayment(FrenchCalendar.ParisDate(now), request.Amount),
            Actor(PortalSession.Address(context, now)!), context.RequestAborted, idempotency: idempotency);
        ApprovalsTelemetry.CommandHandled("PortalRequestPayment", outcome.IsOk ? null : outcome.Refusals);
        return outcome.IsOk ? Results.Json(PublicDossier.Of(id, outcome.Unwrap().State), DomainJson.Options) : ApiProblems.From(outcome.Refusals);
    }

    /// <summary>The acknowledgment of receipt as a PDF: the same mentions as the e-mail, from the dossier as it stood at its receipt.</summary>
    public static async Task<IResult> AcknowledgmentPdf(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        var (state, denied) = await OwnDossierAsync(id, context, services, portal);
        if (denied is not null)
        {
            return denied;
        }

        var parts = Acknowledgment.Parts(state!, portal.Options.Service, MissingAtReceipt(state!));
        var blocks = parts.SelectMany(part => part.Paragraphs.Select(p => new ConventionBlock(ConventionBlockKind.Paragraph, p))
            .Prepend(new ConventionBlock(ConventionBlockKind.Heading, part.Heading))).ToList();
        using var pdf = new MemoryStream();
        ConventionPdf.WriteLetter(pdf, "Accusé de réception électronique",
            $"Demande de subvention n° {state!.Number} — articles L112-11 et R112-11-1 du code des relations entre le public et l'administration", blocks);
        return Results.File(pdf.ToArray(), "application/pdf", $"accuse-reception-{state.Number}.pdf");
    }

    /// <summary>The dossier when the session's address submitted it; otherwise 401, or 404 exactly as for a dossier that does not exist.</summary>
    internal static async Task<(Dossier? State, IResult? Denied)> OwnDossierAsync(string id, HttpContext context, ApiServices services, PortalServices portal)
    {
        if (PortalSession.Address(context, services.Time.GetUtcNow()) is not { } address)
        {
            return (null, NotSignedIn());
        }

        var submission = id.Length <= 64 ? await portal.Store.FindSubmissionAsync(id, context.RequestAborted) : null;
        var found = submission is not null && MagicLinks.Normalise(submission.Address) == address
            ? await services.Dossiers.GetAsync(id, context.RequestAborted)
            : null;
        return found is { IsOk: true } ? (found.Unwrap().State, null) : (null, ApiProblems.From([NotFound(id)]));
    }

    /// <summary>The documents required and not attached when the request was received (the acknowledgment lists them, L114-5).</summary>
    private static IReadOnlyList<DocumentKind> MissingAtReceipt(Dossier state) =>
        PortalDocuments.Required.Where(kind => !state.Documents.Any(d => d.Kind == kind && d.At <= state.SubmittedAt)).ToList();

    /// <summary>
    /// The portal acts for the address through the system role (the role enum is the agents'); the register's actor
    /// names the address and the channel.
    /// </summary>
    internal static Actor Actor(string address) => new($"portail : {address}", Role.System);

    private static Refusal NotFound(string id) =>
        new(RefusalKind.NotFound, "dossier.not-found", "Dossier existant", "id", $"Le dossier {(id.Length > 40 ? id[..40] + "…" : id)} n'existe pas.");

    private static IResult NotSignedIn() =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "portal.session", "Connexion requise",
            "Connectez-vous au portail avec le lien reçu par courriel.", []);

    /// <summary>Counts this request under each key for the current hour; the first limit passed answers 429 with the hour's end.</summary>
    private static async Task<IResult?> ThrottleAsync(HttpContext context, PortalServices portal, DateTimeOffset now, params (string Kind, string Key, int Limit)[] counters)
    {
        var window = now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        foreach (var (kind, key, limit) in counters)
        {
            if (await portal.Store.CountAsync($"{kind}-{key}", window, context.RequestAborted) > limit)
            {
                var retry = (int)Math.Ceiling((new DateTimeOffset(now.Year, now.Month, now.Day, now.UtcDateTime.Hour, 0, 0, TimeSpan.Zero).AddHours(1) - now).TotalSeconds);
                context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, $"portal.rate-{kind}", "Trop de demandes",
                    kind == "address"
                        ? "Trop de liens de connexion ont été demandés pour cette adresse : réessayez dans une heure."
                        : "Trop de demandes depuis votre connexion : réessayez dans une heure.", []);
            }
        }

        return null;
    }

    private static string ClientKey(HttpContext context) => MagicLinks.Hash("client:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"))[..32];

    /// <summary>The browser's <c>Origin</c> header when it sent one (it does on every POST), else the address the request came to.</summary>
    private static string RequestOriginOf(HttpRequest request) =>
        request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : $"{request.Scheme}://{request.Host}";

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
