using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Settings;

/// <summary>
/// local.settings.sample.json and the Bicep app settings name the same settings, so what runs locally is what runs in
/// Azure. Connections compare by name: <c>X</c> locally equals <c>X__fullyQualifiedNamespace</c>/<c>X__credential</c>/…
/// in Azure (<see cref="AppSettingNames"/>).
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class LocalSettingsSampleTests(BicepBuildFixture fixture)
{
    // Elastic Premium platform settings: they configure the host in Azure and have no local counterpart.
    private static readonly string[] AzureHostingOnlySettings = ["FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE"];

    private static readonly string[] IdentityConnections = ["AzureWebJobsStorage", "EventHubConnection", "MonitorStorage"];

    [Fact]
    public void Sample_NamesTheSameSettingsAsTheBicepAppSettings()
    {
        var bicep = ReadBicepAppSettings();
        var expected = AppSettingNames.SettingNames(bicep.All.Select(s => s.Key).Except(AzureHostingOnlySettings));
        var actual = AppSettingNames.SettingNames(LocalSettingsSample.Load().Values.Keys);

        var missingFromSample = expected.Except(actual).ToList();
        var missingFromBicep = actual.Except(expected).ToList();
        Assert.True(
            missingFromSample.Count == 0 && missingFromBicep.Count == 0,
            $"In Bicep but not in local.settings.sample.json: [{string.Join(", ", missingFromSample)}]; " +
            $"in local.settings.sample.json but not in Bicep: [{string.Join(", ", missingFromBicep)}].");
    }

    [Fact]
    public void Sample_UsesLocalEmulatorConnections()
    {
        var sample = LocalSettingsSample.Load();

        Assert.False(sample.IsEncrypted);
        Assert.Equal("UseDevelopmentStorage=true", sample.Values["AzureWebJobsStorage"]);
        Assert.Equal("UseDevelopmentStorage=true", sample.Values["MonitorStorage"]);
        Assert.StartsWith("Endpoint=sb://localhost", sample.Values["EventHubConnection"], StringComparison.Ordinal);
        Assert.Equal("dotnet-isolated", sample.Values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void BicepAppSettings_ConnectionsUseTheUserAssignedIdentity()
    {
        var common = ReadBicepAppSettings().Common;

        foreach (var connection in IdentityConnections)
        {
            Assert.False(common.ContainsKey(connection), $"{connection} must not be a connection string in Azure.");
            Assert.Equal("managedidentity", common[$"{connection}__credential"]);
            Assert.True(common.ContainsKey($"{connection}__clientId"), $"{connection}__clientId selects the user-assigned identity.");
        }

        Assert.True(common.ContainsKey("AzureWebJobsStorage__accountName"));
        Assert.True(common.ContainsKey("EventHubConnection__fullyQualifiedNamespace"));
        Assert.True(common.ContainsKey("MonitorStorage__blobServiceUri"));
        Assert.True(common.ContainsKey("MonitorStorage__tableServiceUri"));
    }

    [Fact]
    public void BicepAppSettings_WorkerRuntimeIsSetOnElasticPremiumOnly()
    {
        // Flex Consumption takes the runtime from functionAppConfig.runtime and rejects these as app settings.
        var settings = ReadBicepAppSettings();

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Common.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Common.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Common.Keys);
        Assert.Equal("dotnet-isolated", settings.ElasticPremiumOnly["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void SettingsDoc_DocumentsEverySampleKey()
    {
        var doc = File.ReadAllText(RepositoryLayout.SettingsDoc);
        var undocumented = LocalSettingsSample.Load().Values.Keys
            .Where(key => !doc.Contains($"`{key}`", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(undocumented);
    }

    private BicepAppSettings ReadBicepAppSettings()
    {
        using var template = fixture.LoadMainTemplate();
        return BicepAppSettings.Read(template.RootElement);
    }
}
