using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// Dead letters as one JSON blob per batch: <c>deadletters/{yyyy}/{MM}/{dd}/p{partition}/{firstSeq}-{lastSeq}.json</c>.
/// The name depends only on the letters, so a redelivered batch overwrites its own record; listing also
/// de-duplicates by (partition, sequence number, index, quarantined) for redeliveries cut into different batches.
/// A quarantined batch (<see cref="DeadLetter.Quarantined"/>) goes to <c>...{firstSeq}-{lastSeq}.{fingerprint}.quarantine.json</c>:
/// it never overwrites the invalid-event letters of the same range, and the content fingerprint keeps apart batches
/// of different partitions that share the placeholder partition and sequence numbers (a batch without a partition id).
/// </summary>
public sealed class BlobDeadLetterStore(BlobContainerClient container) : IDeadLetterStore
{
    public async Task WriteAsync(string partition, IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            return;
        }

        Identifiers.RequireValidPathId(partition, nameof(partition));
        var first = letters[0];
        var bytes = JsonSerializer.SerializeToUtf8Bytes(letters, IngestJsonContext.Default.IReadOnlyListDeadLetter);
        var suffix = first.Quarantined ? $".{Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 8)}.quarantine" : string.Empty;
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{first.EnqueuedTime.UtcDateTime:yyyy'/'MM'/'dd}/p{partition}/{first.SequenceNumber:D20}-{letters[^1].SequenceNumber:D20}{suffix}.json");
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
    }

    public async IAsyncEnumerable<DeadLetter> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<(string, long, int, bool)>();
        var all = new List<DeadLetter>();
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            var letters = JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, IngestJsonContext.Default.IReadOnlyListDeadLetter) ?? [];
            foreach (var letter in letters)
            {
                if (seen.Add((letter.Partition, letter.SequenceNumber, letter.Index, letter.Quarantined)))
                {
                    all.Add(letter);
                }
            }
        }

        foreach (var letter in all.OrderBy(l => l.EnqueuedTime).ThenBy(l => l.Partition, StringComparer.Ordinal).ThenBy(l => l.SequenceNumber).ThenBy(l => l.Quarantined).ThenBy(l => l.Index))
        {
            yield return letter;
        }
    }
}
