using System.Runtime.CompilerServices;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary>An in-memory policy store with versions, recording writes (the Table adapter has its own Azurite tests).</summary>
internal sealed class FakeConfigStore : IModelConfigStore
{
    private readonly Dictionary<(string, string), ConfigDocument> _documents = [];
    private int _version;

    public List<(string ModelId, string Section, string Json)> Writes { get; } = [];

    public Task<ConfigDocument?> GetAsync(string modelId, string section, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.GetValueOrDefault((modelId, section)));

    public Task<ConfigDocument> PutAsync(string modelId, string section, string json, string? ifVersion = null, CancellationToken cancellationToken = default)
    {
        if (ifVersion is not null && _documents.TryGetValue((modelId, section), out var current) && current.Version != ifVersion)
        {
            throw new WriteConflictException($"{modelId}/{section} changed");
        }

        var document = new ConfigDocument(modelId, section, json, $"v{++_version}", DateTimeOffset.UnixEpoch);
        _documents[(modelId, section)] = document;
        Writes.Add((modelId, section, json));
        return Task.FromResult(document);
    }

    public async IAsyncEnumerable<ConfigDocument> ListAsync(string modelId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var document in _documents.Values.Where(d => d.ModelId == modelId).OrderBy(d => d.Section, StringComparer.Ordinal))
        {
            yield return document;
        }
    }
}
