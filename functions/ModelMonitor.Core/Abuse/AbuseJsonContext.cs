using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Abuse;

/// <summary>Source-generated JSON of <see cref="AbusePolicy"/>: camelCase names, unknown members rejected.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(AbusePolicy))]
internal sealed partial class AbuseJsonContext : JsonSerializerContext;
