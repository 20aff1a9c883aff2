namespace Approvals.Api;

/// <summary>Limits of the API (section <c>Api</c>).</summary>
public sealed record ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The largest document accepted: read from <c>Storage:MaxUploadBytes</c> (25 MiB by default), which the storage enforces too.</summary>
    public long MaxUploadBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>How long a download link stays valid.</summary>
    public TimeSpan DownloadLinkLifetime { get; init; } = TimeSpan.FromMinutes(5);
}
