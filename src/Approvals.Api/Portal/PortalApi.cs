using System.Globalization;
using System.Text.Json;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Approvals.Api;

using static PortalBodies;

/// <summary>
/// The beneficiaries' portal: sign-in by a one-time link sent by e-mail, the draft, the submission (the same
/// <see cref="DossierService.CreateAsync"/> as the agents' form), the dossiers of the signed-in address, their documents
/// and acknowledgments. Signing in is open to anyone; every other route declares the portal session in its metadata
/// (<see cref="PortalSignedIn"/>), and a dossier the address did not submit answers 404 as if it did not exist.
/// </summary>
public static class PortalApi
{
    /// <summary>The same answer for every address (known or not): nothing tells whether it ever used the portal.</summary>
    public const string LinkSentMessage =
        "Si cette adresse est valide, un lien de connexion vient d'y être envoyé. Il est valable 30 minutes et ne sert qu'une fois.";

    private const int MaxDraftChars = 64 * 1024;

    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal").WithTags("Portail des bénéficiaires");
        group.MapPost("/sign-in", RequestLink).WithName("PortalRequestLink").AllowAnonymous().Produces<ApiProblems.ProblemBody>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType);
        group.MapPost("/session", UseLink).WithName("PortalUseLink").AllowAnonymous().Produces<ApiProblems.ProblemBody>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType);
        group.MapDelete("/session", SignOut).WithName("PortalSignOut").AllowAnonymous();
        group.MapGet("/me", Me).WithName("PortalMe").RequirePortalSession();
        group.MapGet("/authorities", Authorities).WithName("PortalAuthorities").RequirePortalSession();
        group.MapGet("/draft", ReadDraft).WithName("PortalReadDraft").RequirePortalSession();
        group.MapPut("/draft", SaveDraft).WithName("PortalSaveDraft").RequirePortalSession();
        group.MapPost("/requests", Submit).WithName("PortalSubmit").RequirePortalSession();
        group.MapGet("/dossiers", List).WithName("PortalListDossiers").RequirePortalSession();
        group.MapGet("/dossiers/{id}", Get).WithName("PortalGetDossier").RequirePortalSession();
        group.MapPost("/dossiers/{id}/documents", Upload).WithName("PortalUploadDocument").DisableAntiforgery().RequirePortalSession();
        group.MapPost("/dossiers/{id}/payment-request", RequestPayment).WithName("PortalRequestPayment").RequirePortalSession();
        group.MapGet("/dossiers/{id}/acknowledgment", AcknowledgmentPdf).WithName("PortalAcknowledgment").Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RequirePortalSession();
    }

    public static async Task<Results<Accepted<LinkSent>, ApiProblem>> RequestLink(
        JsonBody<SignInRequest> body, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var email = body.Value!.Email?.Trim();
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

        return TypedResults.Accepted((string?)null, new LinkSent(LinkSentMessage));
    }

    public static async Task<Results<Ok<Me>, ApiProblem>> UseLink(JsonBody<LinkUse> body, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var now = services.Time.GetUtcNow();
        if (await ThrottleAsync(context, portal, now, ("client", ClientKey(context), portal.Options.RequestsPerClientPerHour)) is { } throttled)
        {
            return throttled;
        }

        var token = body.Value!.Token ?? "";
        var used = token.Length is > 0 and <= 100 ? await portal.Store.UseLinkAsync(MagicLinks.Hash(token), now, context.RequestAborted) : null;
        var refused = used is not { } u
            ? "Ce lien de connexion n'est pas valable : demandez-en un nouveau."
            : MagicLinks.Refusal(u.Link, u.UsedNow, RequestOriginOf(context.Request), now);
        if (refused is not null)
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "portal.link", "Lien de connexion refusé", refused, []);
        }

        PortalSession.SignIn(context, used!.Value.Link.Address, now + portal.Options.SessionLifetime);
        return TypedResults.Ok(new Me(used.Value.Link.Address));
    }

    public static NoContent SignOut(HttpContext context)
    {
        PortalSession.SignOut(context);
        return TypedResults.NoContent();
    }

    public static Ok<Me> Me(PortalBeneficiary beneficiary) => TypedResults.Ok(new Me(beneficiary.Address));

    public static async Task<Results<Ok<JsonElement>, NoContent>> ReadDraft(PortalBeneficiary beneficiary, HttpContext context, PortalServices portal)
    {
        var draft = await portal.Store.ReadDraftAsync(beneficiary.Address, context.RequestAborted);
        return draft is null ? TypedResults.NoContent() : TypedResults.Ok(JsonElement.Parse(draft));
    }

    /// <summary>The form as typed, kept as the client sent it (a JSON object of at most 64 KiB) until the request is submitted.</summary>
    public static async Task<Results<NoContent, ApiProblem>> SaveDraft(JsonBody<JsonElement> body, PortalBeneficiary beneficiary, HttpContext context, PortalServices portal)
    {
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var json = body.Value.GetRawText();
        if (body.Value.ValueKind != JsonValueKind.Object || json.Length > MaxDraftChars)
        {
            return ApiProblems.From([Refusal.Invalid("portal.draft", "draft", "Brouillon : un objet JSON de 64 Kio au plus",
                "Le brouillon doit être un objet JSON de 64 Kio au plus.")]);
        }

        await portal.Store.SaveDraftAsync(beneficiary.Address, json, context.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<Submitted>, ApiProblem>> Submit(
        JsonBody<PortalApplication> body, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        var now = services.Time.GetUtcNow();
        var (headers, badHeader) = CommandHeaders.Read(context);
        if (badHeader is not null)
        {
            return badHeader;
        }

        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var application = body.Value!;
        var (authorityId, options) = await AddressedToAsync(application.Authority, portal, context.RequestAborted);
        if (options is null)
        {
            return ApiProblems.From([Refusal.Invalid("portal.authority", "authority", "Collectivité à laquelle la demande est adressée",
                "Cette collectivité n'est pas proposée par le portail : choisissez-en une dans la liste.")]);
        }

        var request = application.ToRequest(beneficiary.Address, options, now);
        var own = application.Check();
        if (own.Count > 0)
        {
            // Every error at once: the portal's and the request's rules.
            return ApiProblems.From([.. own, .. RequestRules.Check(request, ProcessPolicy.Default, now)]);
        }

        var key = headers!.IdempotencyKey is { } k ? $"portal:{MagicLinks.AddressKey(beneficiary.Address)[..16]}:{k}" : null;
        var outcome = await services.Dossiers.CreateAsync(request, beneficiary.Actor with { AuthorityId = authorityId }, key, context.RequestAborted);
        ApprovalsTelemetry.CommandHandled("PortalSubmit", outcome.IsOk ? null : outcome.Refusals);
        if (!outcome.IsOk)
        {
            return ApiProblems.From(outcome.Refusals);
        }

        var created = outcome.Unwrap();
        var number = created.State.Number!.ToString();
        await portal.Store.RecordSubmissionAsync(new PortalSubmission(created.DossierId, number, beneficiary.Address, created.State.SubmittedAt ?? now, AuthorityId: authorityId), context.RequestAborted);
        await portal.Store.DeleteDraftAsync(beneficiary.Address, context.RequestAborted);
        // The acknowledgment left with the dossier's creation, through its outbox (MailPolicy): retried until sent, once.
        return TypedResults.Created((string?)null, new Submitted(created.DossierId, number, PortalMails.AcknowledgmentPath(created.DossierId)));
    }

    /// <summary>The authorities a request can be addressed to: the first, and each other that has complete portal settings.</summary>
    public static async Task<Ok<List<PortalAuthority>>> Authorities(HttpContext context, PortalServices portal) =>
        TypedResults.Ok((await portal.Authorities.ListAsync(context.RequestAborted))
            .Where(portal.Authorities.OffersPortal)
            .Select(a => new PortalAuthority(a.Id, a.Name)).ToList());

    /// <summary>
    /// The authority a request is addressed to (null: the first) and the portal settings its requests take (the first's:
    /// the <c>Portal</c> section); null settings for an authority the portal does not offer.
    /// </summary>
    private static async Task<(string? AuthorityId, PortalOptions? Options)> AddressedToAsync(string? requested, PortalServices portal, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(requested) || requested == portal.Authorities.First.Id)
        {
            return (null, portal.Options);
        }

        var found = requested.Length <= 64 ? await portal.Authorities.FindAsync(requested, cancellationToken) : null;
        return found is { Portal: { } own } && portal.Authorities.OffersPortal(found)
            ? (found.Id, portal.Options with { Service = own.Service, CaseOfficerEmail = own.CaseOfficerEmail, BudgetLineCode = own.BudgetLineCode, BudgetLineLabel = own.BudgetLineLabel })
            : (null, null);
    }

    public static async Task<Ok<List<Summary>>> List(PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        var summaries = new List<Summary>();
        foreach (var submission in await portal.Store.SubmissionsOfAsync(beneficiary.Address, context.RequestAborted))
        {
            if ((await services.Dossiers.GetAsync(submission.DossierId, context.RequestAborted)) is { IsOk: true } found)
            {
                var state = found.Unwrap().State;
                summaries.Add(new Summary(submission.DossierId, submission.Number, submission.SubmittedAt, state.Request!.Object, PublicDossier.StageWords(state.Stage)));
            }
        }

        return TypedResults.Ok(summaries);
    }

    public static async Task<Results<Ok<PublicDossier>, ApiProblem>> Get(
        string id, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        var (state, denied) = await OwnDossierAsync(id, beneficiary, context, services, portal);
        return denied is not null ? denied : TypedResults.Ok(PublicDossier.Of(id, state!));
    }

    public static Task<Results<Created<DossierView.DocumentView>, Ok<DossierView.DocumentView>, ApiProblem>> Upload(
        string id, DocumentForm form, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal, DocumentUpload uploads) =>
        PortalCommands.UploadAsync(id, PortalDocumentsRequests.Uploadable, form, beneficiary, context, services, portal, uploads);

    /// <summary>
    /// The beneficiary's payment request, received today (Paris): the agents' <c>RequestPayment</c> command, so the decider
    /// refuses it, in words, after the window's last day (seed 004, art. 4: within two months of the notification) or
    /// above what the payment terms let them ask.
    /// </summary>
    public static Task<Results<Ok<PublicDossier>, ApiProblem>> RequestPayment(
        string id, JsonBody<PaymentRequestBody> body, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal) =>
        PortalCommands.HandleAsync(
            new PortalCommand<PaymentRequestBody, PublicDossier>(id, "PortalRequestPayment", "payment-request",
                (_, request, today) => Result<DossierCommand>.Ok(new DossierCommand.RequestPayment(today, request.Amount)),
                (state, _) => PublicDossier.Of(id, state)),
            body, beneficiary, context, services, portal);

    /// <summary>The acknowledgment of receipt as a PDF: the same mentions as the e-mail, from the dossier as it stood at its receipt.</summary>
    public static async Task<Results<FileContentHttpResult, ApiProblem>> AcknowledgmentPdf(
        string id, PortalBeneficiary beneficiary, HttpContext context, [AsParameters] ApiServices services, PortalServices portal)
    {
        var (state, denied) = await OwnDossierAsync(id, beneficiary, context, services, portal);
        if (denied is not null)
        {
            return denied;
        }

        // The service of the dossier's authority (CRPA L112-3, R112-11-1, 2°), as the e-mail names it.
        var authorityId = (await services.Dossiers.GetAsync(id, context.RequestAborted)).Unwrap().AuthorityId;
        if (await portal.AuthorityMail.PortalServiceAsync(authorityId, context.RequestAborted) is not { } by)
        {
            return ApiProblems.From([NotFound(id)]);
        }

        var parts = Acknowledgment.Parts(state!, by.Authority, by.Service, MissingAtReceipt(state!));
        var blocks = parts.SelectMany(part => part.Paragraphs.Select(p => new ConventionBlock(ConventionBlockKind.Paragraph, p))
            .Prepend(new ConventionBlock(ConventionBlockKind.Heading, part.Heading))).ToList();
        using var pdf = new MemoryStream();
        ConventionPdf.WriteLetter(pdf, "Accusé de réception électronique",
            $"Demande de subvention n° {state!.Number} — articles L112-11 et R112-11-1 du code des relations entre le public et l'administration", blocks);
        return TypedResults.File(pdf.ToArray(), "application/pdf", $"accuse-reception-{state.Number}.pdf");
    }

    /// <summary>The dossier when the session's address submitted it; otherwise 404 exactly as for a dossier that does not exist.</summary>
    internal static async Task<(Dossier? State, ApiProblem? Denied)> OwnDossierAsync(
        string id, PortalBeneficiary beneficiary, HttpContext context, ApiServices services, PortalServices portal)
    {
        var submission = id.Length <= 64 ? await portal.Store.FindSubmissionAsync(id, context.RequestAborted) : null;
        var found = submission is not null && MagicLinks.Normalise(submission.Address) == beneficiary.Address
            ? await services.Dossiers.GetAsync(id, context.RequestAborted)
            : null;
        return found is { IsOk: true } ? (found.Unwrap().State, null) : (null, ApiProblems.From([NotFound(id)]));
    }

    /// <summary>The documents required and not attached when the request was received (the acknowledgment lists them, L114-5).</summary>
    private static IReadOnlyList<DocumentKind> MissingAtReceipt(Dossier state) =>
        PortalDocuments.Required.Where(kind => !state.Documents.Any(d => d.Kind == kind && d.At <= state.SubmittedAt)).ToList();

    private static Refusal NotFound(string id) =>
        new(RefusalKind.NotFound, "dossier.not-found", "Dossier existant", "id", $"Le dossier {(id.Length > 40 ? id[..40] + "…" : id)} n'existe pas.");

    public static ApiProblem NotSignedIn() =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "portal.session", "Connexion requise",
            "Connectez-vous au portail avec le lien reçu par courriel.", []);

    /// <summary>Counts this request under each key for the current hour; the first limit passed answers 429 with the hour's end.</summary>
    private static async Task<ApiProblem?> ThrottleAsync(HttpContext context, PortalServices portal, DateTimeOffset now, params (string Kind, string Key, int Limit)[] counters)
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
