using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// One check-result document per model version and window: <c>checkresults/{granularity}/{modelId}/{modelVersion}/{yyyyMMddTHHmmZ}.json</c>.
/// Metadata <c>sources</c> fingerprints the window blobs it was computed from, so a window is re-evaluated exactly when
/// its data changed (for example when late labels arrive) and never otherwise.
/// </summary>
public sealed class CheckResultStore(BlobContainerClient container)
{
    public const string SourcesMetadata = "sources";

    public static string BlobName(string granularity, string modelId, string modelVersion, DateTimeOffset windowStart) =>
        $"{granularity}/{modelId}/{modelVersion}/{BlobNames.FormatTime(windowStart)}.json";

    public async Task<string?> ReadFingerprintAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(SourcesMetadata, out var fingerprint) ? fingerprint : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteAsync(string name, byte[] json, string fingerprint, CancellationToken cancellationToken = default)
    {
        await container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(json),
            new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { [SourcesMetadata] = fingerprint },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            },
            cancellationToken);
    }

    /// <summary>Names of the check-result documents whose names start with <paramref name="prefix"/> (e.g. <c>{granularity}/{modelId}/</c>).</summary>
    public async IAsyncEnumerable<string> ListNamesAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return item.Name;
        }
    }

    public async Task<BinaryData?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
