using System.Text.Json.Serialization;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Source-generated JSON for check results: camelCase names, enums as kebab-case strings, nulls written as null
/// (a missing metric is explicit, never omitted). Numbers are always finite, so no named floating-point literals.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters =
    [
        typeof(KebabCaseEnumConverter<FeatureKind>),
        typeof(KebabCaseEnumConverter<DriftStatus>),
        typeof(KebabCaseEnumConverter<Severity>),
    ])]
[JsonSerializable(typeof(DriftReport))]
[JsonSerializable(typeof(CheckResult))]
public sealed partial class CheckJsonContext : JsonSerializerContext;
