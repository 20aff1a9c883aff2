using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// Checks the <c>Storage</c> section when the host starts (<c>ValidateOnStart</c>): a wrong setting stops the start with
/// a message naming it, instead of failing at the first request. Names follow Azure Storage's rules for tables and
/// containers.
/// </summary>
public sealed partial class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(StorageOptions o)
    {
        var byIdentity = o.BlobServiceUri is { Length: > 0 } || o.TableServiceUri is { Length: > 0 };
        if (byIdentity)
        {
            foreach (var (setting, value) in new[] { ("BlobServiceUri", o.BlobServiceUri), ("TableServiceUri", o.TableServiceUri) })
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    yield return $"Storage:{setting} must be the service's absolute https URI when the other service URI is set (found '{value}').";
                }
            }
        }
        else if (string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            yield return "Storage:ConnectionString is empty: give a connection string, or both Storage:BlobServiceUri and Storage:TableServiceUri.";
        }

        var tables = new[]
        {
            ("DossiersTable", o.DossiersTable), ("DeadlinesTable", o.DeadlinesTable), ("DossierIndexTable", o.DossierIndexTable),
            ("DossierSummariesTable", o.DossierSummariesTable), ("CountersTable", o.CountersTable), ("BudgetLinesTable", o.BudgetLinesTable),
            ("BudgetLedgerTable", o.BudgetLedgerTable), ("ProgrammesTable", o.ProgrammesTable),
        };
        foreach (var (setting, value) in tables)
        {
            if (value is null || !TableName().IsMatch(value))
            {
                yield return $"Storage:{setting} '{value}' is not a table name: 3 to 63 letters and digits, starting with a letter.";
            }
        }

        if (o.DocumentsContainer is null || !ContainerName().IsMatch(o.DocumentsContainer) || o.DocumentsContainer.Contains("--", StringComparison.Ordinal))
        {
            yield return $"Storage:DocumentsContainer '{o.DocumentsContainer}' is not a container name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.";
        }

        if (o.MaxUploadBytes <= 0)
        {
            yield return $"Storage:MaxUploadBytes must be positive (found {o.MaxUploadBytes}).";
        }

        if (o.RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"Storage:RequestTimeout must be positive (found {o.RequestTimeout}).";
        }

        if (o.MaxRetries is < 0 or > 10)
        {
            yield return $"Storage:MaxRetries must be between 0 and 10 (found {o.MaxRetries}).";
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();
}
