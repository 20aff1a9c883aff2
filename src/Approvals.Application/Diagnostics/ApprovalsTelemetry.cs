using System.Diagnostics;
using System.Diagnostics.Metrics;
using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The application's own traces and metrics (System.Diagnostics: no exporter here; the host chooses OTLP or Azure
/// Monitor). Tags hold codes and kinds, never personal data.
/// </summary>
public static class ApprovalsTelemetry
{
    public const string Name = "Approvals";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Commands =
        Meter.CreateCounter<long>("approvals.commands", description: "Commands handled, by command and outcome (accepted, or the refusal's code).");

    private static readonly Counter<long> Mails =
        Meter.CreateCounter<long>("approvals.mails", description: "E-mails handed to the provider, by outcome (sent, refused for good, failed after every retry).");

    private static readonly Histogram<long> SweptOutbox =
        Meter.CreateHistogram<long>("approvals.outbox.swept", description: "Outbox items the sweep found left over (a crash or a fault), per sweep.");

    private static readonly Histogram<double> DeadlineLateness =
        Meter.CreateHistogram<double>("approvals.deadlines.lateness", "s", "How long after its instant a deadline was fired.");

    public static void CommandHandled(string command, IReadOnlyList<Refusal>? refusals) =>
        Commands.Add(1, new("command", command), new("outcome", refusals is { Count: > 0 } ? refusals[0].Code : "accepted"));

    public static void MailHandled(string outcome) => Mails.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void OutboxSwept(int found) => SweptOutbox.Record(found);

    public static void DeadlineFired(string kind, TimeSpan late) =>
        DeadlineLateness.Record(Math.Max(late.TotalSeconds, 0), new KeyValuePair<string, object?>("kind", kind));
}
