using ModelMonitor.Core.Configuration;

namespace ModelMonitor.Cli.Hosting;

/// <summary>
/// A policy store that answers from documents given on the command line (a replay's <c>--config</c>) before the stored
/// ones, without writing them: replaying a file with a trial policy must not change the policy of the account.
/// </summary>
internal sealed class OverlayModelConfigStore(IReadOnlyDictionary<(string ModelId, string Section), string> documents, IModelConfigStore? stored) : IModelConfigStore
{
    public async Task<ConfigDocument?> GetAsync(string modelId, string section, CancellationToken cancellationToken = default) =>
        documents.TryGetValue((modelId, section), out var json)
            ? new ConfigDocument(modelId, section, json, "overlay", DateTimeOffset.MinValue)
            : stored is null ? null : await stored.GetAsync(modelId, section, cancellationToken);

    public Task<ConfigDocument> PutAsync(string modelId, string section, string json, string? ifVersion = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A replay reads policies; it never writes them.");

    public async IAsyncEnumerable<ConfigDocument> ListAsync(string modelId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var given = documents.Where(d => d.Key.ModelId == modelId).Select(d => new ConfigDocument(modelId, d.Key.Section, d.Value, "overlay", DateTimeOffset.MinValue)).ToList();
        foreach (var document in given)
        {
            yield return document;
        }

        if (stored is not null)
        {
            await foreach (var document in stored.ListAsync(modelId, cancellationToken))
            {
                if (!given.Any(g => g.Section == document.Section))
                {
                    yield return document;
                }
            }
        }
    }
}
