using Approvals.Application;
using Approvals.Storage;

namespace Approvals.Server;

/// <summary>
/// <c>--rebuild-index</c>: rewrites the dossier index (the list's read model) from the dossiers and exits. For an
/// index lost or damaged, or written by a version that indexed differently; the server can keep running meanwhile.
/// </summary>
public static class IndexRebuild
{
    public const string Argument = "--rebuild-index";

    public static async Task<bool> RunIfAskedAsync(WebApplication app, string[] args)
    {
        if (!args.Contains(Argument))
        {
            return false;
        }

        await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);
        var indexed = await app.Services.GetRequiredService<IDossierStore>().RebuildIndexAsync(CancellationToken.None);
        Console.WriteLine($"Dossier index rebuilt: {indexed} dossiers.");
        return true;
    }
}
