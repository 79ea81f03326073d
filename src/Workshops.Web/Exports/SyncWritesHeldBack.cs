namespace Workshops.Web.Exports;

/// <summary>
/// A write-only stream in front of a response body for SpreadCheetah. Its cells go through asynchronous writes, but the
/// ZIP code under it (System.IO.Compression's ZipArchive) writes its small bookkeeping synchronously: an entry's data
/// descriptor when the entry closes, the central directory at the end (tens of bytes an entry, a few entries a workbook).
/// Kestrel refuses synchronous writes, so those bytes are held here and sent, in order, with the next asynchronous write
/// or flush. Nothing else is held: memory stays at a few kilobytes whatever the row count.
/// </summary>
/// <param name="inner">The response body (or any stream); left open.</param>
internal sealed class SyncWritesHeldBack(Stream inner) : Stream
{
    private readonly MemoryStream _held = new();
    private long _position;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes accepted so far (held or sent), for a caller that asks; the stream cannot seek.</summary>
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _held.Write(buffer);
        _position += buffer.Length;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendHeldAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
        _position += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Nothing to do synchronously: what is held goes out with <see cref="FlushAsync(CancellationToken)"/>.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task SendHeldAsync(CancellationToken ct)
    {
        if (_held.Length > 0)
        {
            await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
            _held.SetLength(0);
        }
    }
}
