using Approvals.Application;
using Approvals.Clock;
using Approvals.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace Approvals.Api;

/// <summary>
/// The operations page's routes: the dossiers' clocks by runtime status, a page at a time (the engine's own paging, or
/// for missing clocks a bounded window of the dossier list), and a restart. The client is the host's Durable Task
/// client; a host that runs no engine lists nothing and refuses the restart.
/// </summary>
public static class ClocksApi
{
    public const int MaxTake = 100;

    /// <summary>Who may list the clocks: those who read dossiers, and the administrator who runs the service.</summary>
    public static IReadOnlyList<Role> Readers { get; } = [.. CommandRoutes.Read, Role.Administrator];

    /// <summary>Who may restart a clock.</summary>
    public static IReadOnlyList<Role> Restart { get; } = [Role.Finance, Role.Administrator];

    /// <summary>The statuses the page offers, as the query names them, with the engine's statuses each one covers.</summary>
    public static IReadOnlyDictionary<string, OrchestrationRuntimeStatus[]> Statuses { get; } = new Dictionary<string, OrchestrationRuntimeStatus[]>
    {
        ["running"] = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
        ["completed"] = [OrchestrationRuntimeStatus.Completed],
        ["failed"] = [OrchestrationRuntimeStatus.Failed],
        ["terminated"] = [OrchestrationRuntimeStatus.Terminated],
        ["missing"] = [],
    };

    public static void MapClocksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clocks").WithTags("Clocks");
        group.MapGet("/", List).WithName("ListClocks").RequireRoles(Readers);
        group.MapPost("/{id}/restart", RestartClock).WithName("RestartClock").RequireRoles(Restart);
    }

    /// <summary>
    /// One page of clocks in <paramref name="status"/> (default <c>running</c>), <paramref name="take"/> at most (50 by
    /// default). For <c>missing</c>, the page looks at <paramref name="take"/> dossiers of the list and returns the open
    /// ones that have no clock: a page may be short or empty while <c>continuation</c> says there is more to look at.
    /// </summary>
    public static async Task<Results<Ok<ClockPage>, ApiProblem>> List(
        HttpContext context, [AsParameters] ApiServices services, [FromServices] DurableTaskClient? clocks, string? status, string? continuation, int? take)
    {
        var name = status ?? "running";
        if (!Statuses.TryGetValue(name, out var runtime))
        {
            return ApiProblems.From([Refusal.Invalid("query.status", "status", $"Un statut parmi {string.Join(", ", Statuses.Keys)}", $"Le statut « {name} » n'existe pas.")]);
        }

        var size = take ?? 50;
        if (size is < 1 or > MaxTake)
        {
            return ApiProblems.From([Refusal.Invalid("query.take", "take", $"Taille de page entre 1 et {MaxTake}", $"La taille de page {size} n'est pas comprise entre 1 et {MaxTake}.")]);
        }

        if (clocks is null)
        {
            return TypedResults.Ok(new ClockPage(name, [], null, EngineRunning: false));
        }

        if (name == "missing")
        {
            if (continuation is not null && (!int.TryParse(continuation, out var skipped) || skipped < 0))
            {
                return ApiProblems.From([Refusal.Invalid("query.continuation", "continuation", "Suite rendue par la page précédente", "La suite demandée n'est pas valide.")]);
            }

            return TypedResults.Ok(await MissingAsync(services.Store, clocks, int.Parse(continuation ?? "0"), size, CurrentAuthority.Of(context), context.RequestAborted));
        }

        // A clock's instance id is its dossier's number, which starts with the authority's code: only the caller's are read.
        var authority = DossierNumber.CodeOf(CurrentAuthority.Of(context));
        var query = new OrchestrationQuery { Statuses = runtime, PageSize = size, ContinuationToken = continuation, FetchInputsAndOutputs = false, InstanceIdPrefix = DossierNumber.StartOf(authority) };
        await foreach (var page in clocks.GetAllInstancesAsync(query).AsPages(continuation, size).WithCancellation(context.RequestAborted))
        {
            var items = page.Values.Where(i => DossierNumber.IsOf(authority, i.InstanceId)).Select(i => ClockView.Of(i.InstanceId, i)).ToList();
            return TypedResults.Ok(new ClockPage(name, items, page.ContinuationToken, EngineRunning: true));
        }

        return TypedResults.Ok(new ClockPage(name, [], null, EngineRunning: true));
    }

    /// <summary>
    /// Starts the clock of dossier <paramref name="id"/> again when it is missing, failed, terminated or completed; a
    /// running clock is told the dossier changed, which makes it plan again at once.
    /// </summary>
    public static async Task<Results<Accepted<ClockView>, ApiProblem>> RestartClock(
        string id, HttpContext context, [AsParameters] ApiServices services, [FromServices] DurableTaskClient? clocks)
    {
        if (clocks is null)
        {
            return ApiProblems.From([Refusal.WrongStage("clock.off", "Horloges en service", "Les horloges des dossiers ne tournent pas sur ce serveur.")]);
        }

        var dossier = await services.Dossiers.GetAsync(id, ApiIdentity.Caller(context), context.RequestAborted);
        if (!dossier.IsOk)
        {
            return ApiProblems.From(dossier.Refusals);
        }

        var instance = await clocks.GetInstanceAsync(id, context.RequestAborted);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
        {
            await DossierClockSignal.DossierChangedAsync(clocks, id, context.RequestAborted);
        }
        else
        {
            await DossierClockSignal.StartAsync(clocks, id, context.RequestAborted);
        }

        return TypedResults.Accepted((string?)null, ClockView.Of(id, await clocks.GetInstanceAsync(id, getInputsAndOutputs: true, context.RequestAborted)));
    }

    private static async Task<ClockPage> MissingAsync(IDossierStore store, DurableTaskClient clocks, int skip, int take, string? authorityId, CancellationToken cancellationToken)
    {
        var window = await store.QueryAsync(new DossierQuery(Skip: skip, Take: take + 1, AuthorityId: authorityId), cancellationToken);
        var missing = new List<ClockView>();
        foreach (var dossier in window.Take(take).Where(d => !ClockReconciliation.Ended(d.Stage)))
        {
            if (await clocks.GetInstanceAsync(dossier.DossierId, cancellationToken) is null)
            {
                missing.Add(ClockView.Of(dossier.DossierId, null));
            }
        }

        return new ClockPage("missing", missing, window.Count > take ? (skip + take).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, EngineRunning: true);
    }

    /// <param name="Continuation">Pass it back as <c>continuation</c> for the next page; null on the last one.</param>
    public sealed record ClockPage(string Status, IReadOnlyList<ClockView> Items, string? Continuation, bool EngineRunning);
}
