using System.Text.Json.Serialization;

namespace ModelMonitor.Storage.Tables;

[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class AlertJsonContext : JsonSerializerContext;
