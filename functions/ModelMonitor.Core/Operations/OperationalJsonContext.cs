using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Operations;

/// <summary>Source-generated JSON of <see cref="OperationalPolicy"/>: camelCase names, enums as lower-case strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(ModelMonitor.Core.Checks.KebabCaseEnumConverter<SwingDirection>)],
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(OperationalPolicy))]
internal sealed partial class OperationalJsonContext : JsonSerializerContext;
