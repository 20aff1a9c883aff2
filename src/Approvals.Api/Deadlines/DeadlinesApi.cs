using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Api;

/// <summary>The deadlines dashboard: what falls due in the next days from the index, and final reports already overdue.</summary>
public static class DeadlinesApi
{
    public static void MapDeadlinesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/deadlines", Upcoming).WithTags("Deadlines").WithName("UpcomingDeadlines").RequireRoles(CommandRoutes.Read);

    public const int MaxTake = 1000;

    /// <summary>A page of the board (<paramref name="skip"/>, <paramref name="take"/>: 100 by default) with its total and its count per day.</summary>
    public static async Task<Results<Ok<DeadlinePage>, ApiProblem>> Upcoming(HttpContext context, [AsParameters] ApiServices services, int? days, int? skip, int? take)
    {
        var span = days ?? 60;
        if (span is < 1 or > 366)
        {
            return ApiProblems.From([Refusal.Invalid("query.days", "days", "Horizon entre 1 et 366 jours", $"L'horizon de {span} jours n'est pas compris entre 1 et 366.")]);
        }

        var size = take ?? 100;
        if (size is < 1 or > MaxTake)
        {
            return ApiProblems.From([Refusal.Invalid("query.take", "take", $"Taille de page entre 1 et {MaxTake}", $"La taille de page {size} n'est pas comprise entre 1 et {MaxTake}.")]);
        }

        var now = services.Time.GetUtcNow();
        var today = FrenchCalendar.ParisDate(now);
        var page = await DeadlineBoard.ReadPageAsync(
            services.Deadlines, services.Store, today.AddDays(-span), today.AddDays(span), now, withReminders: true, Math.Max(skip ?? 0, 0), size,
            CurrentAuthority.Of(context), context.RequestAborted);
        return TypedResults.Ok(page);
    }
}
