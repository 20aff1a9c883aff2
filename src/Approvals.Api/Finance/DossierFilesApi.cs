using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Approvals.Api;

/// <summary>
/// Files made from one dossier: the draft convention (Word to edit, PDF to read) and the archive (every document,
/// the register in JSON and HTML, the state and a SHA-256 manifest), streamed to the response as it is written.
/// </summary>
public static class DossierFilesApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapDossierFilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers/{id}").WithTags("Dossiers").RequireRoles(CommandRoutes.Read);
        group.MapGet("/convention.docx", ConventionDocx).WithName("ConventionDocx");
        group.MapGet("/convention.pdf", ConventionPdf).WithName("ConventionPdf");
        group.MapGet("/archive.zip", Archive).WithName("DossierArchive");
    }

    public static Task<Results<FileContentHttpResult, ApiProblem>> ConventionDocx(string id, HttpContext context, [AsParameters] FinanceServices services) =>
        ConventionAsync(id, context, services, Approvals.Finance.ConventionDocx.Write, DocxType, "docx");

    public static Task<Results<FileContentHttpResult, ApiProblem>> ConventionPdf(string id, HttpContext context, [AsParameters] FinanceServices services) =>
        ConventionAsync(id, context, services, Approvals.Finance.ConventionPdf.Write, "application/pdf", "pdf");

    public static async Task<Results<EmptyHttpResult, ApiProblem>> Archive(string id, HttpContext context, [AsParameters] FinanceServices services)
    {
        // State, register and check at one version: a command landing meanwhile neither shows as a break nor half-appears.
        var verified = await services.Dossiers.ReadVerifiedAsync(id, context.RequestAborted, ApiIdentity.Caller(context));
        if (!verified.IsOk)
        {
            return ApiProblems.From(verified.Refusals);
        }

        var (loaded, register, verification) = verified.Unwrap();

        // The ZIP is written forward only (entries with data descriptors), straight into the response: a dossier of
        // large documents never sits in memory. Through the body's pipe rather than its stream, because the ZIP
        // library closes each entry with a small synchronous write, which Kestrel's response stream refuses; the
        // pipe takes it without blocking unless the client is slow to read.
        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = $"dossier-{id}.zip", FileName = $"dossier-{id}.zip" }.ToString();
        await DossierArchive.WriteAsync(context.Response.BodyWriter.AsStream(leaveOpen: true), id, loaded.State, register, verification,
            (document, token) => services.Documents.OpenReadAsync(document.BlobName, token), context.RequestAborted);
        return TypedResults.Empty;
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ConventionAsync(
        string id, HttpContext context, FinanceServices services, Action<Stream, ConventionModel> write, string contentType, string extension)
    {
        var loaded = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        if (!loaded.IsOk)
        {
            return ApiProblems.From(loaded.Refusals);
        }

        // Both formats are packages written with seeks (OpenXml) or small enough to build whole (a few pages of PDF).
        var file = new MemoryStream();
        var authority = await services.Authorities.FindAsync(loaded.Unwrap().AuthorityId, context.RequestAborted) ?? services.Authorities.First;
        write(file, ConventionDocument.Model(loaded.Unwrap().State, Authority.From(authority)));
        return TypedResults.File(file.ToArray(), contentType, $"convention-{id}.{extension}");
    }
}
