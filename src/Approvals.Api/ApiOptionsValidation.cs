using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>Checks the <c>Api</c> section when the host starts.</summary>
public sealed class ApiOptionsValidation : IValidateOptions<ApiOptions>
{
    /// <summary>A user delegation SAS, which signs download links under a managed identity, lives at most seven days.</summary>
    private static readonly TimeSpan LongestLink = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, ApiOptions options) => ValidatedOptions.From(Failures(options));

    private static IEnumerable<string> Failures(ApiOptions o)
    {
        if (o.DownloadLinkLifetime <= TimeSpan.Zero || o.DownloadLinkLifetime > LongestLink)
        {
            yield return $"Api:DownloadLinkLifetime must be positive and at most 7 days (found {o.DownloadLinkLifetime}).";
        }
    }
}
