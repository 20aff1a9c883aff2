using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Approvals.Application;
using Approvals.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Approvals.Server.Tests;

/// <summary>What operations staff see: traces and metrics read back with the in-memory exporter, and the health endpoints.</summary>
public sealed class TelemetryAndHealthTests : IAsyncLifetime
{
    private readonly List<Activity> spans = [];
    private readonly List<Metric> metrics = [];
    private ApprovalsServerHost host = null!;

    public async Task InitializeAsync() =>
        host = await ApprovalsServerHost.StartAsync(new DateTimeOffset(2022, 6, 30, 4, 0, 0, TimeSpan.Zero), services: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_request_is_traced_with_its_storage_calls_and_commands_and_mails_are_counted()
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var created = await officer.PostJsonAsync("/api/dossiers", SeedRequests.Request);
        var id = (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
        var refused = await officer.PostJsonAsync($"/api/dossiers/{id}/notification", SeedRequests.Command("Notify"));
        // 07:00 in Paris: the daily digest goes to finance through SendGrid (here the capture server).
        host.Time.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 100 && !host.Mail.Requests.Any(); i++)
        {
            await Task.Delay(100);
        }

        host.Service<TracerProvider>().ForceFlush();
        host.Service<MeterProvider>().ForceFlush();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var snapshot = spans.ToList();
        // Instrumentation listens process-wide: other test classes' servers run alongside, so this host's spans are told by its port.
        var request = Assert.Single(snapshot, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/dossiers/"
            && s.GetTagItem("server.port") is int port && port == host.BaseAddress.Port);
        var storagePort = host.Azurite.TablePort;
        Assert.Contains(snapshot, s => s.TraceId == request.TraceId && s.Kind == ActivityKind.Client && s.GetTagItem("server.port") is int port && port == storagePort);
        var mailPort = new Uri(host.Mail.BaseUrl).Port;
        Assert.Contains(snapshot, s => s.Kind == ActivityKind.Client && s.GetTagItem("server.port") is int port && port == mailPort);

        // The meter is the process's: counts may include other test classes' commands, never fewer than these.
        var commands = Points(metrics, "approvals.commands");
        var code = (await refused.JsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString();
        Assert.Contains(commands, p => Tag(p, "command") == "CreateDossier" && Tag(p, "outcome") == "accepted" && p.GetSumLong() >= 1);
        Assert.Contains(commands, p => Tag(p, "command") == "Notify" && Tag(p, "outcome") == code && p.GetSumLong() >= 1);
        Assert.Contains(Points(metrics, "approvals.mails"), p => Tag(p, "outcome") == "sent" && p.GetSumLong() >= 1);
    }

    [Fact]
    public async Task Live_and_ready_answer_and_ready_names_storage_and_engine()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var legacy = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("engine").GetProperty("status").GetString());
    }

    private static List<MetricPoint> Points(List<Metric> exported, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in exported.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
