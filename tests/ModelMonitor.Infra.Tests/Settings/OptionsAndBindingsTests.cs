using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Infra.Tests.Settings;

/// <summary>
/// The third side of the settings triangle: every property of an options class and every <c>%setting%</c> or
/// connection a function binding names must be a key of local.settings.sample.json (which the Bicep test already
/// ties to the Azure app settings), and every sample key must be read by something.
/// </summary>
public sealed partial class OptionsAndBindingsTests
{
    private static readonly Type[] OptionsTypes = [typeof(MonitorOptions), typeof(RollupOptions), typeof(ChecksOptions), typeof(ModelMonitor.Service.Security.WebhookAuthOptions), typeof(ModelMonitor.Service.Rollbacks.RollbackOptions)];

    // Read by the Functions host or the Azure SDK rather than by an options class or a binding.
    private static readonly string[] HostSettings = ["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage", "APPLICATIONINSIGHTS_CONNECTION_STRING", "MonitorStorage"];

    // Issued for features whose code lands later (notifications); listed so the gap stays visible.
    private static readonly string[] ReservedSettings = ["Notifications__TeamsWebhookUrl", "Notifications__SlackWebhookUrl"];

    private static IEnumerable<string> OptionKeys() =>
        OptionsTypes.SelectMany(type =>
        {
            var section = (string)type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{section}__{p.Name}");
        });

    private static IEnumerable<string> BindingSettings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var function in doc.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                foreach (var property in binding.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    if (property.Name == "connection")
                    {
                        yield return property.Value.GetString()!;
                    }

                    foreach (Match match in SettingReference().Matches(property.Value.GetString()!))
                    {
                        yield return match.Groups[1].Value;
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryOptionsProperty_IsInTheSample()
    {
        var sample = AppSettingNames.SettingNames(LocalSettingsSample.Load().Values.Keys);
        var missing = OptionKeys().Where(k => !sample.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"Options properties missing from local.settings.sample.json: [{string.Join(", ", missing)}]");
    }

    [Fact]
    public void EveryBindingSetting_IsInTheSample()
    {
        var sample = AppSettingNames.SettingNames(LocalSettingsSample.Load().Values.Keys);
        var missing = BindingSettings().Distinct().Where(k => !sample.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"Binding settings missing from local.settings.sample.json: [{string.Join(", ", missing)}]");
    }

    [Fact]
    public void EverySampleKey_IsReadBySomething()
    {
        var known = OptionKeys().Concat(BindingSettings()).Concat(HostSettings).Concat(ReservedSettings).ToHashSet(StringComparer.Ordinal);
        var unread = AppSettingNames.SettingNames(LocalSettingsSample.Load().Values.Keys).Where(k => !known.Contains(k)).ToList();
        Assert.True(unread.Count == 0, $"Sample keys no options class, binding or host reads: [{string.Join(", ", unread)}]");
    }

    [Fact]
    public void BindingSettingNames_HaveNoDoubleUnderscore()
    {
        // The host cannot resolve %A__B% binding expressions.
        Assert.DoesNotContain(BindingSettings(), s => s.Contains("__", StringComparison.Ordinal) && s != "EventHubConnection");
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
