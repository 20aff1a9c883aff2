using System.Globalization;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>
/// Downloads for finance and for open data: the grants as CSV (French Excel) and .xlsx, and the national SCDL
/// "subventions" CSV of signed grants above 23 000 € a year. Streamed from the dossier summaries table as they are
/// written (<see cref="ExportStream"/>; the workbook goes through a temporary file) and sent as attachments.
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

    public static async Task<IResult> FinanceCsv(HttpContext context, [AsParameters] FinanceServices services)
    {
        if (ApiIdentity.Authorize(context, FinanceApi.Export).Denied is { } denied)
        {
            return denied;
        }

        var dossiers = FinanceApi.StreamStatesAsync(services, new DossierQuery(AuthorityId: CurrentAuthority.Of(context)), context.RequestAborted);
        return ExportStream.Text(writer => FinanceExport.WriteCsv(writer, dossiers.ToBlockingEnumerable(context.RequestAborted)),
            CsvType, $"subventions-finances-{FinanceApi.Today(services)}.csv");
    }

    public static async Task<IResult> FinanceXlsx(HttpContext context, [AsParameters] FinanceServices services)
    {
        if (ApiIdentity.Authorize(context, FinanceApi.Export).Denied is { } denied)
        {
            return denied;
        }

        var dossiers = FinanceApi.StreamStatesAsync(services, new DossierQuery(AuthorityId: CurrentAuthority.Of(context)), context.RequestAborted);
        return await ExportStream.File(workbook => FinanceExport.WriteXlsx(workbook, dossiers.ToBlockingEnumerable(context.RequestAborted)),
            XlsxType, $"subventions-finances-{FinanceApi.Today(services)}.xlsx");
    }

    public static async Task<IResult> ScdlCsv(HttpContext context, [AsParameters] FinanceServices services, int? year)
    {
        if (ApiIdentity.Authorize(context, FinanceApi.Export).Denied is { } denied)
        {
            return denied;
        }

        if (year is < BudgetLineRules.FirstYear or > BudgetLineRules.LastYear)
        {
            return ApiProblems.From([Refusal.Invalid("query.year", "year", "Exercice budgétaire plausible",
                $"L'exercice {year} n'est pas plausible : indiquez une année entre {BudgetLineRules.FirstYear} et {BudgetLineRules.LastYear}.")]);
        }

        var authority = await services.Authorities.FindAsync(CurrentAuthority.Of(context), context.RequestAborted) ?? services.Authorities.First;
        var schemes = (await services.Lines.ListBalancesAsync(year, context.RequestAborted)).ToDictionary(l => (l.Year, l.Code), l => l.AidScheme);
        var dossiers = FinanceApi.StreamStatesAsync(services, new DossierQuery(Year: year, AuthorityId: CurrentAuthority.Of(context)), context.RequestAborted);
        return ExportStream.Text(
            writer => ScdlExport.Write(writer, Authority.From(authority), dossiers.ToBlockingEnumerable(context.RequestAborted), line => schemes.GetValueOrDefault((line.Year, line.Code))),
            CsvType,
            $"scdl-subventions-{year?.ToString(CultureInfo.InvariantCulture) ?? FinanceApi.Today(services)}.csv");
    }
}
