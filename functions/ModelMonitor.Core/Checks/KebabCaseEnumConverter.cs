using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Checks;

/// <summary>Writes enums as kebab-case strings ("insufficient-data", "no-drift", "numeric", "critical").</summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
