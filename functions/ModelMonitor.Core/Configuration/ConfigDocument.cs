namespace ModelMonitor.Core.Configuration;

/// <summary>A stored policy document.</summary>
/// <param name="ModelId">The model; <see cref="ConfigSections.DefaultModel"/> for defaults that apply to every model.</param>
/// <param name="Section">One of <see cref="ConfigSections"/>.</param>
/// <param name="Json">The validated JSON text.</param>
/// <param name="Version">Opaque version for optimistic writes (the table entity's ETag).</param>
/// <param name="UpdatedAt">When it was last written.</param>
public sealed record ConfigDocument(string ModelId, string Section, string Json, string Version, DateTimeOffset UpdatedAt);
