using System.Globalization;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// Downloads for finance and for open data, of the caller's current authority only: the grants as CSV (French Excel)
/// and .xlsx, and the national SCDL "subventions" CSV of signed grants above 23 000 € a year. Streamed from the stored
/// snapshots as they are read (<see cref="ExportLoading"/>, <see cref="ExportStream"/>; the workbook goes through a
/// temporary file) and sent as attachments.
/// </summary>
public static class ExportsApi
{
    public const string CsvType = "text/csv; charset=utf-8";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").WithTags("Exports").RequireRoles(FinanceApi.Export);
        group.MapGet("/finance.csv", FinanceCsv).WithName("FinanceCsv");
        group.MapGet("/finance.xlsx", FinanceXlsx).WithName("FinanceXlsx");
        group.MapGet("/scdl.csv", ScdlCsv).WithName("ScdlCsv");
    }

    public static PushStreamHttpResult FinanceCsv(HttpContext context, [AsParameters] FinanceServices services)
    {
        var dossiers = services.Exports.StatesAsync(new DossierQuery(AuthorityId: CurrentAuthority.Of(context)), context.RequestAborted);
        return ExportStream.Text(writer => FinanceExport.WriteCsv(writer, dossiers.ToBlockingEnumerable(context.RequestAborted)),
            CsvType, $"subventions-finances-{FinanceApi.Today(services)}.csv");
    }

    public static Task<FileStreamHttpResult> FinanceXlsx(HttpContext context, [AsParameters] FinanceServices services)
    {
        var dossiers = services.Exports.StatesAsync(new DossierQuery(AuthorityId: CurrentAuthority.Of(context)), context.RequestAborted);
        return ExportStream.File(workbook => FinanceExport.WriteXlsx(workbook, dossiers.ToBlockingEnumerable(context.RequestAborted)),
            XlsxType, $"subventions-finances-{FinanceApi.Today(services)}.xlsx");
    }

    /// <summary>The SCDL file, whose <c>nomAttribuant</c> and <c>idAttribuant</c> are the current authority's.</summary>
    public static async Task<Results<PushStreamHttpResult, ApiProblem>> ScdlCsv(HttpContext context, [AsParameters] FinanceServices services, int? year)
    {
        if (year is < BudgetLineRules.FirstYear or > BudgetLineRules.LastYear)
        {
            return ApiProblems.From([Refusal.Invalid("query.year", "year", "Exercice budgétaire plausible",
                $"L'exercice {year} n'est pas plausible : indiquez une année entre {BudgetLineRules.FirstYear} et {BudgetLineRules.LastYear}.")]);
        }

        var sources = await services.Exports.ScdlAsync(year, CurrentAuthority.Of(context), context.RequestAborted);
        return ExportStream.Text(
            writer => ScdlExport.Write(writer, Authority.From(sources.Authority), sources.Dossiers.ToBlockingEnumerable(context.RequestAborted), sources.AidScheme),
            CsvType,
            $"scdl-subventions-{year?.ToString(CultureInfo.InvariantCulture) ?? FinanceApi.Today(services)}.csv");
    }
}
