using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions;

/// <summary>
/// What every HTTP trigger does around the shared route handler of <c>Approvals.Api</c> (the same one the server maps):
/// refuse a state-changing request without the application's header (CSRF, as the server does), answer storage faults
/// with 503 as the server's endpoint filter does, and write the handler's result. Validation, mapping and problems all
/// stay in the shared handler; an accepted change signals the dossier's clock through its outbox, with the Durable Task
/// client the trigger received.
/// </summary>
public sealed class ApiTrigger(ApiServices services, BoundClockSignal clock, AuthorityDirectory authorities)
{
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<HttpContext, ApiServices, Task<IResult>> handler)
    {
        await WriteAsync(request.HttpContext, await GuardAsync(request.HttpContext, handler));
        return new EmptyResult();
    }

    /// <summary>
    /// A handler that leaves its roles to endpoint metadata (the server's authorisation middleware): here the trigger
    /// checks them first, with the same role set the server's route declares. No overload without roles exists for them.
    /// </summary>
    public Task<IActionResult> RunAsync(HttpRequest request, IReadOnlyCollection<Role> roles, Func<HttpContext, ApiServices, Task<IResult>> handler) =>
        RunAsync(request, (context, services) => ApiIdentity.Authorize(context, roles).Denied is { } denied ? Task.FromResult(denied) : handler(context, services));

    /// <summary>A command on <paramref name="dossierId"/>, or with none a creation (the new id is in the handler's answer).</summary>
    public Task<IActionResult> RunAndSignalAsync(
        HttpRequest request, DurableTaskClient client, string? dossierId, Func<HttpContext, ApiServices, Task<IResult>> handler)
    {
        clock.Bind(client);
        return RunAsync(request, handler);
    }

    /// <summary>A command, or a creation, of a handler whose roles are declared as metadata: checked here first, as <see cref="RunAsync(HttpRequest, IReadOnlyCollection{Role}, Func{HttpContext, ApiServices, Task{IResult}})"/> does.</summary>
    public Task<IActionResult> RunAndSignalAsync(
        HttpRequest request, IReadOnlyCollection<Role> roles, DurableTaskClient client, Func<HttpContext, ApiServices, Task<IResult>> handler)
    {
        clock.Bind(client);
        return RunAsync(request, roles, handler);
    }

    /// <summary>The command <typeparamref name="TCommand"/>, through its entry of <see cref="CommandRoutes.All"/>.</summary>
    public Task<IActionResult> CommandAsync<TCommand>(HttpRequest request, DurableTaskClient client, string dossierId)
        where TCommand : DossierCommand
    {
        var route = CommandRoutes.For<TCommand>();
        return RunAndSignalAsync(request, route.Roles, client, async (context, api) =>
            await DossiersApi.Command(dossierId, route, await CommandBody.ReadAsync(context, route), context, api));
    }

    public static string? Text(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    public static int? Number(HttpRequest request, string name) => int.TryParse(request.Query[name].ToString(), out var value) ? value : null;

    private async Task<IResult> GuardAsync(HttpContext context, Func<HttpContext, ApiServices, Task<IResult>> handler)
    {
        if (RequestOrigin.Check(context.Request) is { } refused)
        {
            return refused;
        }

        try
        {
            // The caller acts in the authority the request names (header or cookie), as on the server: the identity is
            // scoped once, before any check of roles, and kept for the handler.
            ApiIdentity.Remember(context, await CurrentAuthority.ScopeAsync(context, await ApiIdentity.IdentifyAsync(context), authorities));
            return await handler(context, services);
        }
        catch (StorageFailedException)
        {
            return ApiProblems.StorageUnavailable();
        }
    }

    /// <summary>
    /// The documented way to answer from an ASP.NET Core integration trigger: write the response, return an empty action
    /// result. With the server's security headers (always HSTS: the Function App is served over HTTPS only).
    /// </summary>
    private static Task WriteAsync(HttpContext context, IResult result)
    {
        SecurityHeaders.Apply(context.Response, hsts: true);
        return result.ExecuteAsync(context);
    }
}
