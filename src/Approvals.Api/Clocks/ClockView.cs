using System.Text.Json;
using Approvals.Application;
using Microsoft.DurableTask.Client;

namespace Approvals.Api;

/// <summary>
/// A dossier's clock as the engine reports it: its runtime status (<c>Running</c>, <c>Completed</c>, <c>Failed</c>,
/// <c>Terminated</c>, <c>Pending</c>, or <c>Missing</c> when no instance exists), in French, the custom status the
/// orchestration set (stage, awaited step, next timer), the instant of that timer, and the engine's last update.
/// </summary>
public sealed record ClockView(
    string DossierId, string RuntimeStatus, string RuntimeStatusLabel, string? Text, string? StageLabel, DateTimeOffset? NextTimerDue, DateTimeOffset? LastUpdatedAt)
{
    public const string Missing = "Missing";

    public static ClockView Of(string dossierId, OrchestrationMetadata? instance)
    {
        if (instance is null)
        {
            return new(dossierId, Missing, Label(Missing), null, null, null, null);
        }

        var status = instance.SerializedCustomStatus is { Length: > 0 } json ? JsonSerializer.Deserialize<ClockStatus>(json) : null;
        var runtime = instance.RuntimeStatus.ToString();
        return new(dossierId, runtime, Label(runtime), status?.Text, status?.StageLabel, status?.DueAt, instance.LastUpdatedAt);
    }

    /// <summary>
    /// The clock of <paramref name="dossierId"/>, or null where the host runs no engine. A clock the engine cannot
    /// read now (its storage is unreachable) is shown as unknown rather than failing the page that asked.
    /// </summary>
    public static async Task<ClockView?> ReadAsync(DurableTaskClient? client, string dossierId, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return null;
        }

        try
        {
            return Of(dossierId, await client.GetInstanceAsync(dossierId, getInputsAndOutputs: true, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(dossierId, "Unknown", Label("Unknown"), null, null, null, null);
        }
    }

    public static string Label(string runtimeStatus) => runtimeStatus switch
    {
        nameof(OrchestrationRuntimeStatus.Running) => "en cours",
        nameof(OrchestrationRuntimeStatus.Pending) => "en attente de démarrage",
        nameof(OrchestrationRuntimeStatus.Completed) => "terminée",
        nameof(OrchestrationRuntimeStatus.Failed) => "en échec",
        nameof(OrchestrationRuntimeStatus.Terminated) => "arrêtée",
        nameof(OrchestrationRuntimeStatus.Suspended) => "suspendue",
        Missing => "absente",
        _ => "inconnue",
    };
}
