namespace Approvals.Storage.Tests;

/// <summary>
/// A read-only, non-seekable stream of <c>length</c> bytes: the given head, then pseudo-random bytes from a seed.
/// It holds nothing in memory, so a large upload from it shows whether the store buffers the file.
/// </summary>
internal sealed class GeneratedStream(long length, byte[] head, ulong seed) : Stream
{
    private long position;
    private ulong state = seed | 1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var index = 0; index < count; index++, position++)
        {
            buffer[index] = position < head.Length ? head[position] : NextByte();
        }

        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private byte NextByte()
    {
        // xorshift64: fast and reproducible, enough to defeat any compression along the way.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return (byte)state;
    }
}
