using System.Text.Json;
using Approvals.Application;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approvals.Server;

/// <summary>
/// Health for orchestrators and load balancers: <c>/health/live</c> says the process answers (restart it if not),
/// <c>/health/ready</c> that it can serve (storage answers, the background engine runs: send it traffic only then).
/// <c>/health</c> stays the storage probe it always was.
/// </summary>
public static class Health
{
    public static IServiceCollection AddApprovalsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageCheck>("storage", tags: ["ready"])
            .AddCheck<EngineCheck>("engine", tags: ["ready"]);
        return services;
    }

    public static void MapApprovalsHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    public static async Task<IResult> Check(IDossierStore store, CancellationToken cancellationToken)
    {
        try
        {
            await store.LoadAsync("health-probe", cancellationToken);
            return Results.Text("ok");
        }
        catch (StorageFailedException)
        {
            return Results.Text("storage unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Each check's status and reason, so that a 503 says which part is down.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new { status = entry.Value.Status.ToString(), entry.Value.Description }),
        }));
    }

    private sealed class StorageCheck(IDossierStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await store.LoadAsync("health-probe", cancellationToken);
                return HealthCheckResult.Healthy("storage answers");
            }
            catch (StorageFailedException failed)
            {
                return HealthCheckResult.Unhealthy(failed.Message);
            }
        }
    }

    /// <summary>The host has started and none of its background workers (outbox, clock, digest) has stopped on a fault.</summary>
    private sealed class EngineCheck(IHostApplicationLifetime lifetime, IEnumerable<IHostedService> hosted) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!lifetime.ApplicationStarted.IsCancellationRequested)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("starting"));
            }

            var faulted = hosted.OfType<BackgroundService>().Where(worker => worker.ExecuteTask?.IsFaulted == true).Select(worker => worker.GetType().Name).ToList();
            return Task.FromResult(faulted.Count == 0
                ? HealthCheckResult.Healthy("background workers running")
                : HealthCheckResult.Unhealthy($"stopped on a fault: {string.Join(", ", faulted)}"));
        }
    }
}
