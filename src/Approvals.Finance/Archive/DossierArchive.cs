using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>
/// A dossier's archive for the ten-year retention and for audits: a ZIP with every attached document under
/// <c>documents/&lt;kind&gt;/&lt;file name&gt;</c>, the register as stored (<c>register.json</c>, with its hashes), a readable
/// French summary (<c>register.html</c>), the state (<c>dossier.json</c>) and <c>manifest-sha256.txt</c>, in
/// <c>sha256sum</c> format, for every other file. Entries are written one at a time and each document is streamed
/// from its store into the ZIP, hashed on the way: nothing is held whole in memory, and the output may be a
/// non-seekable stream such as an HTTP response.
/// </summary>
public static class DossierArchive
{
    public const string ManifestPath = "manifest-sha256.txt";

    private static readonly JsonSerializerOptions RegisterJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <returns>The files written (all but the manifest), with each document's recorded and actual hashes.</returns>
    public static async Task<IReadOnlyList<ArchivedFile>> WriteAsync(
        Stream zipOutput,
        string dossierId,
        Dossier state,
        IReadOnlyList<RegisterEntry> register,
        RegisterVerification verification,
        Func<DossierEvent.DocumentAttached, CancellationToken, Task<Stream>> openDocument,
        CancellationToken cancellationToken)
    {
        var files = new List<ArchivedFile>();
        await using (var zip = await ZipArchive.CreateAsync(zipOutput, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken))
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var document in state.Documents)
            {
                var path = UniquePath(used, $"documents/{document.Kind}", document.FileName);
                var written = await WriteEntryAsync(zip, path, async (entry, token) =>
                {
                    await using var source = await openDocument(document, token);
                    await source.CopyToAsync(entry, token);
                }, cancellationToken);
                files.Add(written with { ExpectedSha256 = document.Sha256 });
            }

            files.Add(await WriteEntryAsync(zip, "register.json", (entry, token) =>
                JsonSerializer.SerializeAsync(entry, register, RegisterJson, token), cancellationToken));
            var html = RegisterPage.Html(dossierId, state, register, verification, files);
            files.Add(await WriteEntryAsync(zip, "register.html", (entry, token) => WriteTextAsync(entry, html, token), cancellationToken));
            var json = DomainJson.Serialize(state);
            files.Add(await WriteEntryAsync(zip, "dossier.json", (entry, token) => WriteTextAsync(entry, json, token), cancellationToken));

            var manifest = new StringBuilder();
            foreach (var file in files)
            {
                manifest.Append(file.Sha256).Append("  ").Append(file.Path).Append('\n');
            }

            await WriteEntryAsync(zip, ManifestPath, (entry, token) => WriteTextAsync(entry, manifest.ToString(), token), cancellationToken);
        }

        return files;
    }

    private static async Task<ArchivedFile> WriteEntryAsync(ZipArchive zip, string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var hashing = new HashingStream(stream);
        await write(hashing, cancellationToken);
        return new ArchivedFile(path, hashing.Written, hashing.Sha256());
    }

    private static Task WriteTextAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken).AsTask();

    /// <summary>The file name folded to safe ASCII (no folders, no "..") and made unique in the archive ("name-2.pdf").</summary>
    private static string UniquePath(HashSet<string> used, string folder, string fileName)
    {
        var safe = FileNames.ToBlobSafe(Path.GetFileName(fileName.Replace('\\', '/'))).Trim('.');
        if (safe.Length == 0)
        {
            safe = "document";
        }

        var stem = Path.GetFileNameWithoutExtension(safe);
        var extension = Path.GetExtension(safe);
        var path = $"{folder}/{safe}";
        for (var n = 2; !used.Add(path); n++)
        {
            path = $"{folder}/{stem}-{n}{extension}";
        }

        return path;
    }
}
