using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

public sealed class DossierArchiveTests
{
    private const string DossierId = "SUB-2022-0042";

    private static readonly Dictionary<string, byte[]> Contents = new()
    {
        ["doc-statuts"] = Encoding.UTF8.GetBytes("%PDF-1.7 statuts de l'association"),
        ["doc-rib"] = Encoding.UTF8.GetBytes("%PDF-1.7 relevé d'identité bancaire"),
        ["doc-convention"] = RandomNumberGenerator.GetBytes(300_000),
        ["doc-convention-bis"] = Encoding.UTF8.GetBytes("%PDF-1.7 convention signée, second envoi"),
    };

    private static (SeedHistory SeedHistory, IReadOnlyList<RegisterEntry> Register) Dossier()
    {
        var history = Dossiers.SeedPaid();
        Attach(history, "doc-statuts", DocumentKind.Statutes, "Statuts CMQ MSI.pdf");
        Attach(history, "doc-rib", DocumentKind.BankDetails, "../../RIB.pdf");
        Attach(history, "doc-convention", DocumentKind.SignedConvention, "convention signée.pdf");
        Attach(history, "doc-convention-bis", DocumentKind.SignedConvention, "convention signée.pdf");
        var register = new List<RegisterEntry>();
        var previous = RegisterChain.Genesis;
        foreach (var e in history.Events)
        {
            var entry = RegisterChain.Entry(DossierId, register.Count + 1, e.GetType().Name, DomainJson.SerializeEvent(e), "agent.instructeur@grandbesancon.example.fr", e.At, previous);
            register.Add(entry);
            previous = entry.Hash;
        }

        return (history, register);
    }

    private static void Attach(SeedHistory history, string id, DocumentKind kind, string fileName)
    {
        var bytes = Contents[id];
        history.Apply(
            new DossierCommand.AttachDocument(id, kind, fileName, "application/pdf", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), $"{DossierId}/{kind}/{id}"),
            SeedDossier.At(2022, 8, 1));
    }

    private static async Task<byte[]> Archive(Dossier state, IReadOnlyList<RegisterEntry> register, Func<DossierEvent.DocumentAttached, byte[]>? content = null)
    {
        var output = new MemoryStream();
        await DossierArchive.WriteAsync(
            new ForwardOnlyStream(output),
            DossierId,
            state,
            register,
            RegisterChain.Verify(register),
            (document, _) => Task.FromResult<Stream>(new MemoryStream(content?.Invoke(document) ?? Contents[document.DocumentId], writable: false)),
            CancellationToken.None);
        return output.ToArray();
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task The_archive_holds_every_document_the_register_the_state_and_a_manifest()
    {
        var (history, register) = Dossier();

        var entries = Entries(await Archive(history.State, register));

        Assert.Equal(
        [
            "documents/BankDetails/RIB.pdf", "documents/SignedConvention/convention-signee-2.pdf",
            "documents/SignedConvention/convention-signee.pdf", "documents/Statutes/Statuts-CMQ-MSI.pdf", "dossier.json", "manifest-sha256.txt",
            "register.html", "register.json",
        ], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Contents["doc-convention"], entries["documents/SignedConvention/convention-signee.pdf"]);
        Assert.Equal(Contents["doc-convention-bis"], entries["documents/SignedConvention/convention-signee-2.pdf"]);

        var stored = JsonSerializer.Deserialize<List<RegisterEntry>>(entries["register.json"], new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(register, stored);
        Assert.True(RegisterChain.Verify(stored).Valid);
        var state = DomainJson.Deserialize<Dossier>(Encoding.UTF8.GetString(entries["dossier.json"]));
        Assert.Equal(history.State.Version, state.Version);
        Assert.Equal(DossierStage.PaymentRequested, state.Stage);
        Assert.Equal(4, state.Documents.Count);
    }

    [Fact]
    public async Task The_manifest_lists_the_sha256_of_every_other_file_and_documents_match_their_register()
    {
        var (history, register) = Dossier();

        var entries = Entries(await Archive(history.State, register));

        var lines = Encoding.UTF8.GetString(entries[DossierArchive.ManifestPath]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var manifest = lines.Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        Assert.Equal(entries.Keys.Where(k => k != DossierArchive.ManifestPath).Order(), manifest.Keys.Order());
        foreach (var (path, hash) in manifest)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(entries[path])), hash);
        }

        var attached = history.Events.OfType<DossierEvent.DocumentAttached>().ToList();
        Assert.Equal(attached[2].Sha256, manifest["documents/SignedConvention/convention-signee.pdf"]);
        Assert.Equal(attached[0].Sha256, manifest["documents/Statutes/Statuts-CMQ-MSI.pdf"]);
        Assert.Equal(attached[1].Sha256, manifest["documents/BankDetails/RIB.pdf"]);
    }

    [Fact]
    public async Task The_summary_page_shows_the_dossier_events_and_verification_in_french()
    {
        var (history, register) = Dossier();

        var html = Encoding.UTF8.GetString(Entries(await Archive(history.State, register))["register.html"]);

        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Campus des Métiers", html);
        Assert.Contains("paiement demandé", html);
        Assert.Contains($"Chaîne d'empreintes vérifiée : {register.Count} événement(s)", html);
        Assert.Contains(register[^1].Hash, html);
        Assert.Contains("PaymentRecorded", html);
        Assert.Equal(4, html.Split("conforme au registre").Length - 1);
    }

    [Fact]
    public async Task A_tampered_register_or_document_is_reported()
    {
        var (history, register) = Dossier();
        var tampered = register.Select(e => e.Sequence == 3 ? e with { Actor = "quelqu'un d'autre" } : e).ToList();

        var zip = await Archive(history.State, tampered, d => d.DocumentId == "doc-rib" ? Encoding.UTF8.GetBytes("faux RIB") : Contents[d.DocumentId]);
        var html = Encoding.UTF8.GetString(Entries(zip)["register.html"]);

        Assert.Contains("Chaîne d'empreintes rompue à l'événement n°3", html);
        Assert.Contains("différente du registre", html);
    }

    [Fact]
    public async Task Hostile_text_is_encoded_in_the_summary()
    {
        var (history, register) = Dossier();
        var request = history.State.Request! with { Object = "<script>alert(1)</script>" };

        var html = Encoding.UTF8.GetString(Entries(await Archive(history.State with { Request = request }, register))["register.html"]);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    /// <summary>An output like an HTTP response body: write-only, not seekable, no length.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
