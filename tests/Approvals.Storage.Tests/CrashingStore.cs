using Approvals.Testing.Storage;
using Approvals.Application;

namespace Approvals.Storage.Tests;

/// <summary>
/// The real dossier store, made to fail at one point of a commit as a process killed there would: before the
/// transaction is sent (nothing written), or after it was written (the answer lost). Everything else goes through.
/// </summary>
public sealed class CrashingStore(IDossierStore inner) : DelegatingDossierStore(inner)
{
    public enum Point
    {
        None,
        BeforeCommit,
        AfterCommit,
    }

    public Point Crash { get; set; }

    public override async Task<string> CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        if (Crash == Point.BeforeCommit)
        {
            throw new StorageFailedException("Process killed before the commit was sent.");
        }

        var etag = await base.CommitAsync(commit, cancellationToken);
        return Crash == Point.AfterCommit ? throw new StorageFailedException("Process killed after the commit was written.") : etag;
    }
}
