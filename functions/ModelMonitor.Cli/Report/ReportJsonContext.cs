using System.Text.Json.Serialization;
using ModelMonitor.Service.Reports;

namespace ModelMonitor.Cli.Report;

/// <summary>The report's data blob: camelCase, nulls kept (a missing point is a gap in a chart, not a zero).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportModel))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
