using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Cli.Sources;

/// <summary>
/// A JSON Lines file as one partition: each line is one message body and its 1-based line number is its
/// sequence number, so ingesting the same file again is recognised as redelivery. Blank lines are skipped but
/// still numbered (editing blank lines in or out would otherwise renumber everything after them).
/// Lines are read as raw bytes, so invalid UTF-8 reaches the dead letters as it was.
/// </summary>
public sealed class JsonLinesFileSource : IEventSource
{
    private readonly string _path;
    private readonly string _partition;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxBatch;
    private long _length;
    private long _consumed;

    public JsonLinesFileSource(string path, string partition, TimeProvider timeProvider, int maxBatch = PartitionBatch.MaxMessages)
    {
        _path = path ?? throw new ArgumentNullException(nameof(path));
        _partition = Identifiers.RequireValidPathId(partition, nameof(partition));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxBatch = maxBatch;
    }

    public double Progress => _length == 0 ? 0 : Math.Min(1, (double)_consumed / _length);

    public async IAsyncEnumerable<PartitionBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        _length = stream.Length;
        var reader = PipeReader.Create(stream);
        long lineNumber = 0;
        var batch = new List<IncomingMessage>(_maxBatch);
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                while (TryReadLine(ref buffer, read.IsCompleted, out var line))
                {
                    lineNumber++;
                    _consumed += line.Length + 1;
                    var body = Trim(line.ToArray(), lineNumber == 1);
                    if (!IsBlank(body))
                    {
                        batch.Add(new IncomingMessage(body, lineNumber, default));
                    }

                    if (batch.Count == _maxBatch)
                    {
                        yield return Cut(batch);
                        batch = new List<IncomingMessage>(_maxBatch);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }

        if (batch.Count > 0)
        {
            yield return Cut(batch);
        }
    }

    /// <summary>Stamps the batch with "now" as its enqueued time: the moment it reached the pipeline.</summary>
    private PartitionBatch Cut(List<IncomingMessage> messages)
    {
        var now = _timeProvider.GetUtcNow();
        var stamped = new IncomingMessage[messages.Count];
        for (var i = 0; i < stamped.Length; i++)
        {
            stamped[i] = messages[i] with { EnqueuedTime = now };
        }

        return new PartitionBatch(_partition, stamped);
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, bool completed, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is { } newline)
        {
            line = buffer.Slice(0, newline);
            buffer = buffer.Slice(buffer.GetPosition(1, newline));
            return true;
        }

        // The last line of a file need not end with a newline.
        if (completed && !buffer.IsEmpty)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
            return true;
        }

        line = default;
        return false;
    }

    private static byte[] Trim(byte[] line, bool first)
    {
        var span = line.AsSpan();
        if (first && span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        if (span.EndsWith("\r"u8))
        {
            span = span[..^1];
        }

        return span.Length == line.Length ? line : span.ToArray();
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;
}
