using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>Budget lines: where each stands (voted, committed, paid, recovered, available) and their registration by finance.</summary>
public static class BudgetLinesApi
{
    public static void MapBudgetLinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/budget-lines").WithTags("Budget");
        group.MapGet("/", List).WithName("ListBudgetLines").RequireRoles(CommandRoutes.Read);
        group.MapPut("/{year:int}/{code}", Put).WithName("PutBudgetLine").Accepts<BudgetLineBody>("application/json").RequireRoles(FinanceApi.ManageBudget);
    }

    public static async Task<IResult> List(HttpContext context, [AsParameters] FinanceServices services, int? year)
    {
        if (ApiIdentity.Authorize(context, CommandRoutes.Read).Denied is { } denied)
        {
            return denied;
        }

        var views = new List<BudgetLineView>();
        foreach (var line in await services.Lines.ListAsync(year, context.RequestAborted))
        {
            views.Add(await ViewAsync(services, line, context.RequestAborted));
        }

        return Results.Json(views, DomainJson.Options);
    }

    public static async Task<IResult> Put(int year, string code, HttpContext context, [AsParameters] FinanceServices services)
    {
        if (ApiIdentity.Authorize(context, FinanceApi.ManageBudget).Denied is { } denied)
        {
            return denied;
        }

        var body = await DossiersApi.ReadBodyAsync(context, typeof(BudgetLineBody));
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var (label, voted, aidScheme) = (BudgetLineBody)body.Value!;
        var line = new BudgetLineRecord(year, code.Trim(), label.Trim(), voted, string.IsNullOrWhiteSpace(aidScheme) ? null : aidScheme.Trim());
        var refusals = BudgetLineRules.Check(line);
        if (refusals.Count > 0)
        {
            return ApiProblems.From(refusals);
        }

        await services.Lines.UpsertAsync(line, context.RequestAborted);
        return Results.Json(await ViewAsync(services, line, context.RequestAborted), DomainJson.Options);
    }

    private static async Task<BudgetLineView> ViewAsync(FinanceServices services, BudgetLineRecord line, CancellationToken cancellationToken)
    {
        var charged = await FinanceApi.LoadStatesAsync(services, new DossierQuery(Year: line.Year, BudgetLineCode: line.Code), cancellationToken);
        var ledger = BudgetLineLedger.Of(line, charged);
        return new BudgetLineView(line.Year, line.Code, line.Label, line.Voted, ledger.Committed, ledger.Paid, ledger.Recovered, ledger.Available, ledger.Dossiers, line.AidScheme);
    }

    /// <summary>The body of <c>PUT /api/budget-lines/{year}/{code}</c>; <paramref name="AidScheme"/> is optional.</summary>
    public sealed record BudgetLineBody(string Label, decimal Voted, string? AidScheme = null);

    public sealed record BudgetLineView(
        int Year, string Code, string Label, decimal Voted, decimal Committed, decimal Paid, decimal Recovered, decimal Available, int Dossiers, string? AidScheme);
}
