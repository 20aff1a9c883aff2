using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>The deadlines dashboard: what falls due in the next days from the index, and final reports already overdue.</summary>
public static class DeadlinesApi
{
    public static void MapDeadlinesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/deadlines", Upcoming).WithTags("Deadlines").WithName("UpcomingDeadlines");

    public static async Task<IResult> Upcoming(HttpContext context, [AsParameters] ApiServices services, int? days)
    {
        if (ApiIdentity.Authorize(context, CommandRoutes.Read).Denied is { } denied)
        {
            return denied;
        }

        var span = days ?? 60;
        if (span is < 1 or > 366)
        {
            return ApiProblems.From([Refusal.Invalid("query.days", "days", "Horizon entre 1 et 366 jours", $"L'horizon de {span} jours n'est pas compris entre 1 et 366.")]);
        }

        var now = services.Time.GetUtcNow();
        var today = FrenchCalendar.ParisDate(now);
        var indexed = await services.Deadlines.ReadRangeAsync(today.AddDays(-span), today.AddDays(span), context.RequestAborted);
        var dossiers = (await services.Store.QueryAsync(new DossierQuery(Take: int.MaxValue), context.RequestAborted)).ToDictionary(d => d.DossierId);
        var upcoming = indexed
            .Where(d => dossiers.ContainsKey(d.DossierId))
            .Select(d => new UpcomingDeadline(d.DossierId, dossiers[d.DossierId].Number, dossiers[d.DossierId].BeneficiaryName, d.DeadlineId, d.Kind,
                DeadlineLabels.Of(d.DeadlineId, d.Kind), d.Day, d.DueAt, d.DueAt <= now));
        var overdueReports = dossiers.Values
            .Where(d => d.ReportOverdueOn is not null)
            .Select(d => new UpcomingDeadline(d.DossierId, d.Number, d.BeneficiaryName, DeadlineIds.ReportDue, nameof(DeadlineKind.ReportDue),
                $"{DeadlineLabels.Of(DeadlineKind.ReportDue)} (non remis)", d.ReportOverdueOn!.Value, FrenchCalendar.EndOfDayUtc(d.ReportOverdueOn.Value), true));
        return Results.Json(
            upcoming.Concat(overdueReports).OrderByDescending(d => d.Overdue).ThenBy(d => d.DueAt).ToList(),
            DomainJson.Options);
    }

    public sealed record UpcomingDeadline(
        string DossierId, string Number, string BeneficiaryName, string DeadlineId, string Kind, string Label, DateOnly Day, DateTimeOffset DueAt, bool Overdue);
}
