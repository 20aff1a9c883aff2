using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Approvals.Application;
using Approvals.Domain;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

/// <summary>
/// Documents as block blobs <c>{dossierId}/{kind}/{yyyyMMddHHmmss-random8}-{safe name}</c>. The name and the first
/// bytes are checked before anything is written; the content is then streamed in blocks that become a blob only
/// when the last one is committed, so a refused or failed upload leaves no blob.
/// </summary>
public sealed class BlobDocumentStore(BlobServiceClient blobs, IOptions<StorageOptions> options, TimeProvider time) : IDocumentStore
{
    private const int BlockSize = 4 * 1024 * 1024;

    /// <summary>Blocks being staged at once: with the one being read, at most three buffers (12 MiB) per upload.</summary>
    private const int BlocksInFlight = 2;
    private const string Field = "file";

    /// <summary>Index tag of a blob not yet recorded by its dossier; its value is when it was stored (sortable).</summary>
    private const string UnconfirmedTag = "unconfirmed";
    private const string TagInstant = "yyyyMMdd'T'HHmmss";

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.DocumentsContainer);
    private readonly long maxBytes = options.Value.MaxUploadBytes;
    /// <summary>A delegation key with less validity than this left is fetched again.</summary>
    private static readonly TimeSpan DelegationKeyRenewal = TimeSpan.FromDays(6);

    private readonly SemaphoreSlim delegationKeyFetch = new(1, 1);
    private volatile UserDelegationKey? delegationKey;

    public async Task<Result<StoredDocument>> UploadAsync(
        string dossierId, string kind, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var name = FileNames.Check(fileName, Field);
        if (!name.IsOk)
        {
            return Result<StoredDocument>.Refused(name.Refusals);
        }

        var rented = new List<byte[]>();
        var free = new Stack<byte[]>();
        var inFlight = new Queue<(Task Staged, byte[] Buffer)>();
        byte[] Take()
        {
            if (!free.TryPop(out var taken))
            {
                taken = ArrayPool<byte>.Shared.Rent(BlockSize);
                rented.Add(taken);
            }

            return taken;
        }

        try
        {
            var buffer = Take();
            var filled = await ReadFullyAsync(content, buffer.AsMemory(0, ContentSniffer.HeadLength), cancellationToken);
            var contentType = ContentSniffer.Check(buffer.AsSpan(0, filled), name.Value!);
            if (!contentType.IsOk)
            {
                return Result<StoredDocument>.Refused(contentType.Refusals);
            }

            var blobName = $"{dossierId}/{FileNames.ToBlobSafe(kind)}/{UniquePrefix()}-{FileNames.ToBlobSafe(name.Value!)}";
            var blob = container.GetBlockBlobClient(blobName);
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var blockIds = new List<string>();
            long size = 0;
            bool endOfContent;
            do
            {
                filled += await ReadFullyAsync(content, buffer.AsMemory(filled, BlockSize - filled), cancellationToken);
                endOfContent = filled < BlockSize;
                size += filled;
                if (size > maxBytes)
                {
                    return TooLarge();
                }

                if (filled > 0)
                {
                    sha256.AppendData(buffer, 0, filled);
                    var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{blockIds.Count:D6}"));
                    var block = new MemoryStream(buffer, 0, filled, writable: false);
                    // Staged while the next block is read: reading the request and writing to storage overlap.
                    inFlight.Enqueue((StorageErrors.GuardAsync("Upload document", () => blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken), cancellationToken), buffer));
                    blockIds.Add(blockId);
                    if (inFlight.Count > BlocksInFlight)
                    {
                        var (staged, done) = inFlight.Dequeue();
                        await staged;
                        free.Push(done);
                    }

                    buffer = Take();
                }

                filled = 0;
            }
            while (!endOfContent);

            while (inFlight.TryDequeue(out var pending))
            {
                await pending.Staged;
            }

            var hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
            var commit = new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType.Value },
                Metadata = new Dictionary<string, string> { ["filename"] = Uri.EscapeDataString(name.Value!), ["sha256"] = hash },
                Tags = new Dictionary<string, string> { ["dossier"] = dossierId, [UnconfirmedTag] = Instant(time.GetUtcNow()) },
            };
            await StorageErrors.GuardAsync("Upload document", () => blob.CommitBlockListAsync(blockIds, commit, cancellationToken), cancellationToken);
            return Result<StoredDocument>.Ok(new StoredDocument(blobName, name.Value!, contentType.Value!, size, hash));
        }
        finally
        {
            // A buffer goes back to the pool only once no request is still sending it.
            await Task.WhenAll(inFlight.Select(pending => pending.Staged)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            rented.ForEach(array => ArrayPool<byte>.Shared.Return(array));
        }
    }

    public Task ConfirmAsync(string blobName, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Confirm document", async () =>
        {
            var blob = container.GetBlobClient(blobName);
            var tags = (await blob.GetTagsAsync(cancellationToken: cancellationToken)).Value.Tags;
            if (tags.Remove(UnconfirmedTag))
            {
                await blob.SetTagsAsync(tags, cancellationToken: cancellationToken);
            }
        }, cancellationToken);

    public Task<IReadOnlyList<string>> FindUnconfirmedAsync(DateTimeOffset storedBefore, int max, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Find unconfirmed documents", async () =>
        {
            var names = new List<string>();
            await foreach (var item in container.FindBlobsByTagsAsync($"\"{UnconfirmedTag}\" < '{Instant(storedBefore)}'", cancellationToken))
            {
                names.Add(item.BlobName);
                if (names.Count >= max)
                {
                    break;
                }
            }

            return (IReadOnlyList<string>)names;
        }, cancellationToken);

    public Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Delete document", () =>
            container.GetBlobClient(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Signed with the account key of the connection string, or, under a managed identity (no key), with a user
    /// delegation key. The expiry is read from the system clock, not the application's: the storage service checks
    /// it against its own. The link makes the storage answer <c>Content-Disposition: attachment</c>, so a browser
    /// saves the document and never renders it (an HTML/PDF polyglot stored as a PDF stays a file). A delegation key
    /// lives at most seven days and a link cannot outlive the key that signed it, so under a managed identity a link
    /// lasts until the key's end at the latest (six days or more, the key being renewed once it has less than that left).
    /// </summary>
    public async Task<Uri> GetReadLinkAsync(string blobName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(blobName);
        var sas = new BlobSasBuilder
        {
            BlobContainerName = container.Name,
            BlobName = blobName,
            Resource = "b",
            ExpiresOn = DateTimeOffset.UtcNow + lifetime,
            ContentDisposition = Attachment(blobName),
        };
        sas.SetPermissions(BlobSasPermissions.Read);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await DelegationKeyAsync(cancellationToken);
        sas.ExpiresOn = Min(sas.ExpiresOn, key.SignedExpiresOn);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, blobs.AccountName) }.ToUri();
    }

    /// <summary><c>attachment</c> with the stored file name (after the blob's unique prefix): ASCII, and RFC 6266's UTF-8 form.</summary>
    private static string Attachment(string blobName)
    {
        var parts = blobName[(blobName.LastIndexOf('/') + 1)..].Split('-', 3);
        var name = parts.Length == 3 ? parts[2] : parts[^1];
        var ascii = new string(name.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }

    /// <summary>
    /// The cached user delegation key, valid seven days (the service's maximum) and fetched again once less than six
    /// are left: one call a day, awaited, never inside a lock, and not at every approval e-mail.
    /// </summary>
    private async Task<UserDelegationKey> DelegationKeyAsync(CancellationToken cancellationToken)
    {
        if (delegationKey is { } cached && cached.SignedExpiresOn - DateTimeOffset.UtcNow > DelegationKeyRenewal)
        {
            return cached;
        }

        await delegationKeyFetch.WaitAsync(cancellationToken);
        try
        {
            if (delegationKey is not { } current || current.SignedExpiresOn - DateTimeOffset.UtcNow <= DelegationKeyRenewal)
            {
                var now = DateTimeOffset.UtcNow;
                var options = new BlobGetUserDelegationKeyOptions(now.AddDays(7)) { StartsOn = now.AddMinutes(-5) };
                delegationKey = (await StorageErrors.GuardAsync("Get user delegation key", () => blobs.GetUserDelegationKeyAsync(options, cancellationToken), cancellationToken)).Value;
            }

            return delegationKey!;
        }
        finally
        {
            delegationKeyFetch.Release();
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public Task SetRetentionAsync(string dossierId, DateOnly retainUntil, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Set retention", async () =>
        {
            var tags = new Dictionary<string, string>
            {
                ["dossier"] = dossierId,
                ["retainUntil"] = retainUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            await foreach (var item in container.GetBlobsAsync(BlobTraits.Tags, BlobStates.None, $"{dossierId}/", cancellationToken: cancellationToken))
            {
                // An upload not yet recorded keeps its mark, so that the orphan sweep still sees it.
                var kept = item.Tags is { } current && current.TryGetValue(UnconfirmedTag, out var since)
                    ? new Dictionary<string, string>(tags) { [UnconfirmedTag] = since }
                    : tags;
                await container.GetBlobClient(item.Name).SetTagsAsync(kept, cancellationToken: cancellationToken);
            }
        }, cancellationToken);

    public Task<Stream> OpenReadAsync(string blobName, CancellationToken cancellationToken) =>
        StorageErrors.GuardAsync("Read document", () =>
            container.GetBlobClient(blobName).OpenReadAsync(cancellationToken: cancellationToken), cancellationToken);

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString(TagInstant, CultureInfo.InvariantCulture);

    private string UniquePrefix() =>
        $"{time.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    private Result<StoredDocument> TooLarge()
    {
        var limit = (maxBytes / (1024m * 1024m)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"));
        return Refusal.Invalid("document.too-large", Field, $"Taille maximale {limit} Mo",
            $"Le fichier dépasse la taille maximale autorisée de {limit} Mo.");
    }

    /// <summary>Reads until <paramref name="target"/> is full or the content ends; returns the bytes read.</summary>
    private static async Task<int> ReadFullyAsync(Stream content, Memory<byte> target, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < target.Length)
        {
            var read = await content.ReadAsync(target[total..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
