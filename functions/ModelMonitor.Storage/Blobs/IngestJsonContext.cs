using System.Text.Json.Serialization;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Storage.Blobs;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(IReadOnlyList<DeadLetter>))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
