using Approvals.Application;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Approvals.Server;

/// <summary>
/// OpenTelemetry for the server: a trace per request with its storage and SendGrid calls (HTTP client spans, and the
/// Azure SDK's own), the outbox's and the clock's work; the application's metrics (<see cref="ApprovalsTelemetry"/>)
/// with ASP.NET Core's and HttpClient's; logs. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or
/// <c>Telemetry:OtlpEndpoint</c>) is set, and to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
/// is (the Azure Monitor distro, as <c>infra/</c> sets it in Azure). With neither, nothing leaves the process.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "approvals";

    public static IServiceCollection AddApprovalsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // The Azure SDK reports each storage call as an activity only when this switch is on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(ApprovalsTelemetry.Name)
                .AddSource("Azure.*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(ApprovalsTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging();

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        else if (configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.UseAzureMonitor();
        }

        services.AddApprovalsHealthChecks();
        return services;
    }
}
