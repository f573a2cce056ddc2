namespace ModelMonitor.Storage.Blobs;

/// <summary>A model version that has window summaries.</summary>
public readonly record struct ModelVersionRef(string ModelId, string ModelVersion);
