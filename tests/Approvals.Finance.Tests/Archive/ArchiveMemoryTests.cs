using System.Security.Cryptography;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance.Tests;

[CollectionDefinition(nameof(ArchiveMemoryTests), DisableParallelization = true)]
public sealed class ArchiveMemoryCollection;

/// <summary>Alone in its collection so that no other test allocates while this one measures.</summary>
[Collection(nameof(ArchiveMemoryTests))]
public sealed class ArchiveMemoryTests
{
    [Fact]
    public async Task A_64_MB_document_goes_through_without_being_held_in_memory()
    {
        const long size = 64L * 1024 * 1024;
        var history = Dossiers.SeedPaid();
        history.Apply(new DossierCommand.AttachDocument("big", DocumentKind.FinancialReport, "compte-rendu.pdf", "application/pdf", size, new string('0', 64), "b"), SeedDossier.At(2022, 8, 1));
        var output = new CountingStream();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var files = await DossierArchive.WriteAsync(output, "SUB-2022-0042", history.State, [], RegisterChain.Verify([]),
            (_, _) => Task.FromResult<Stream>(new GeneratedStream(size)), CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(size, files[0].Size);
        Assert.True(output.Count > size / 2, $"{output.Count} bytes written");
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated for a {size / 1024 / 1024} MB document");
    }

    /// <summary>A readable, non-seekable stream of random (incompressible) bytes that exists only as it is read.</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            RandomNumberGenerator.Fill(buffer[..n]);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
