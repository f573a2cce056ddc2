using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ModelMonitor.Core.Configuration;

namespace ModelMonitor.Service.Tests.Cycle;

/// <summary>A policy store in memory: the cycle only reads it.</summary>
internal sealed class MemoryConfigStore : IModelConfigStore
{
    private readonly ConcurrentDictionary<(string, string), ConfigDocument> _documents = new();

    public Task<ConfigDocument?> GetAsync(string modelId, string section, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue((modelId, section), out var document) ? document : null);

    public Task<ConfigDocument> PutAsync(string modelId, string section, string json, string? ifVersion = null, CancellationToken cancellationToken = default)
    {
        var document = new ConfigDocument(modelId, section, json, Guid.NewGuid().ToString("N"), DateTimeOffset.UnixEpoch);
        _documents[(modelId, section)] = document;
        return Task.FromResult(document);
    }

    public async IAsyncEnumerable<ConfigDocument> ListAsync(string modelId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var document in _documents.Values.Where(d => d.ModelId == modelId))
        {
            yield return document;
        }
    }
}
