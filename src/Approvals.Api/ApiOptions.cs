namespace Approvals.Api;

/// <summary>Limits of the API (section <c>Api</c>).</summary>
public sealed record ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The largest document accepted (the storage refuses larger ones too): 25 MiB by default.</summary>
    public long MaxUploadBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>How long a download link stays valid.</summary>
    public TimeSpan DownloadLinkLifetime { get; init; } = TimeSpan.FromMinutes(5);
}
