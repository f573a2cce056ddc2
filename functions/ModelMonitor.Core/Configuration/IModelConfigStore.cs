namespace ModelMonitor.Core.Configuration;

/// <summary>
/// The per-model policy store: one JSON document per model and section (<see cref="ConfigSections"/>), each owned and
/// validated by the module that reads it, so checks, notifications and rollbacks evolve their shapes independently.
/// Writes are optimistic: pass the version read to refuse a concurrent edit.
/// </summary>
public interface IModelConfigStore
{
    /// <returns>The document, or null when the model has none for that section.</returns>
    Task<ConfigDocument?> GetAsync(string modelId, string section, CancellationToken cancellationToken = default);

    /// <summary>Writes one section's document; <paramref name="ifVersion"/> (the version read before) refuses a concurrent edit, null writes unconditionally.</summary>
    /// <returns>The stored document with its new version.</returns>
    /// <exception cref="ModelMonitor.Core.Ingestion.WriteConflictException">The document changed since <paramref name="ifVersion"/>.</exception>
    Task<ConfigDocument> PutAsync(string modelId, string section, string json, string? ifVersion = null, CancellationToken cancellationToken = default);

    /// <returns>Every document of one model (all sections).</returns>
    IAsyncEnumerable<ConfigDocument> ListAsync(string modelId, CancellationToken cancellationToken = default);
}
