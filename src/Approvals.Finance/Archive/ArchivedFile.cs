namespace Approvals.Finance;

/// <summary>
/// One file of a dossier archive: its path in the ZIP, size and SHA-256. For a document, <paramref name="ExpectedSha256"/>
/// is the hash recorded in its <c>DocumentAttached</c> event.
/// </summary>
public sealed record ArchivedFile(string Path, long Size, string Sha256, string? ExpectedSha256 = null)
{
    /// <summary>False when a document's content no longer matches the hash its register recorded.</summary>
    public bool Intact => ExpectedSha256 is null || string.Equals(ExpectedSha256, Sha256, StringComparison.OrdinalIgnoreCase);
}
