using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Approvals.Bench;

/// <summary>
/// Counts the requests the Azure clients send (each retry counts: it is a round trip too), in total and by kind
/// (method and table, container or <c>$batch</c>), so that a scenario can say where its requests go.
/// </summary>
public sealed class RoundTripCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> byKind = new(StringComparer.Ordinal);
    private long count;

    public long Count => Interlocked.Read(ref count);

    /// <summary>The counts by kind so far ("GET Dossiers", "POST $batch", …).</summary>
    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(byKind);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref count);
        var target = Target(message.Request.Uri.Path);
        if (target == "$batch" && message.Request.Content is { } content)
        {
            // A batch names its table in each inner request: "POST $batch Dossiers".
            using var body = new MemoryStream();
            content.WriteTo(body, CancellationToken.None);
            var inner = Regex.Match(Encoding.UTF8.GetString(body.ToArray()), @" https?://[^ ]*?/([A-Za-z0-9]+)[( ]");
            target = inner.Success ? $"$batch {inner.Groups[1].Value}" : target;
        }

        byKind.AddOrUpdate($"{message.Request.Method} {target}", 1, (_, n) => n + 1);
    }

    /// <summary>The path's segment after the account name, without its keys: "Dossiers(PartitionKey=…)" → "Dossiers".</summary>
    private static string Target(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var target = segments.Length > 1 ? segments[1] : path;
        var keys = target.IndexOf('(', StringComparison.Ordinal);
        return keys < 0 ? target : target[..keys];
    }
}
