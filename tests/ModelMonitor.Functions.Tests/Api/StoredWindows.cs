using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Summaries;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary>Windows, references and dead-letter containers on Azurite with unique names, filled by the real ingest pipeline.</summary>
internal sealed class StoredWindows : IAsyncDisposable
{
    public static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private readonly BlobContainerClient _deadLetters;

    public StoredWindows()
    {
        var service = new BlobServiceClient("UseDevelopmentStorage=true");
        var prefix = $"api{Guid.NewGuid():N}"[..20];
        Windows = service.GetBlobContainerClient(prefix + "-windows");
        References = service.GetBlobContainerClient(prefix + "-references");
        _deadLetters = service.GetBlobContainerClient(prefix + "-deadletters");
        Summaries = new RangeSummaries(new SummaryReader(Windows, FiveMinutes), new ReferenceStore(References));
    }

    public BlobContainerClient Windows { get; }

    public BlobContainerClient References { get; }

    public RangeSummaries Summaries { get; }

    /// <summary>Ingests <paramref name="count"/> events one minute apart from <paramref name="start"/>, with a numeric and a categorical feature.</summary>
    public async Task IngestAsync(string model, string version, DateTimeOffset start, int count)
    {
        await Windows.CreateIfNotExistsAsync();
        await _deadLetters.CreateIfNotExistsAsync();
        var messages = new List<IncomingMessage>();
        for (var i = 0; i < count; i++)
        {
            var at = start.AddMinutes(i);
            var body = string.Create(CultureInfo.InvariantCulture,
                $"{{\"schema\":\"prediction/v1\",\"eventId\":\"{model}-{version}-{i}\",\"modelId\":\"{model}\",\"modelVersion\":\"{version}\",\"timestamp\":\"{at:O}\",\"features\":{{\"amount\":{i % 100},\"country\":\"{(i % 3 == 0 ? "DE" : "FR")}\"}},\"prediction\":0.5}}");
            messages.Add(new IncomingMessage(Encoding.UTF8.GetBytes(body), messages.Count, at.AddSeconds(1)));
        }

        await new IngestPipeline(new BlobWindowStore(Windows), new BlobDeadLetterStore(_deadLetters), FiveMinutes).ProcessAsync("0", messages);
    }

    public async ValueTask DisposeAsync()
    {
        await Windows.DeleteIfExistsAsync();
        await References.DeleteIfExistsAsync();
        await _deadLetters.DeleteIfExistsAsync();
    }
}
