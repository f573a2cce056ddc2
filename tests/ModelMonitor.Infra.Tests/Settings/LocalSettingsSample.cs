using System.Text.Json;
using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Settings;

/// <summary>local.settings.sample.json at the repository root: the template for a developer's local.settings.json.</summary>
internal sealed record LocalSettingsSample(bool IsEncrypted, IReadOnlyDictionary<string, string> Values)
{
    public static LocalSettingsSample Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.LocalSettingsSample));
        var root = document.RootElement;
        var values = root.GetProperty("Values").EnumerateObject().ToDictionary(
            property => property.Name,
            property => property.Value.GetString() ?? string.Empty,
            StringComparer.Ordinal);
        return new LocalSettingsSample(root.GetProperty("IsEncrypted").GetBoolean(), values);
    }
}
