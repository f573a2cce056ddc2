namespace ModelMonitor.Infra.Tests.Settings;

public sealed class AppSettingNamesTests
{
    [Theory]
    [InlineData("EventHubConnection__fullyQualifiedNamespace", "EventHubConnection")]
    [InlineData("EventHubConnection__credential", "EventHubConnection")]
    [InlineData("EventHubConnection__clientId", "EventHubConnection")]
    [InlineData("AzureWebJobsStorage__accountName", "AzureWebJobsStorage")]
    [InlineData("MonitorStorage__blobServiceUri", "MonitorStorage")]
    [InlineData("MonitorStorage__tableServiceUri", "MonitorStorage")]
    [InlineData("EventHubConnection", "EventHubConnection")]
    [InlineData("Monitor__WindowMinutes", "Monitor__WindowMinutes")]
    [InlineData("Notifications__TeamsWebhookUrl", "Notifications__TeamsWebhookUrl")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME")]
    public void SettingName_MapsIdentityFormToConnectionName(string key, string expected) =>
        Assert.Equal(expected, AppSettingNames.SettingName(key));

    [Fact]
    public void SettingNames_LocalAndIdentityForms_AreTheSameSet()
    {
        var local = AppSettingNames.SettingNames(["MonitorStorage", "EventHubName"]);
        var azure = AppSettingNames.SettingNames(
            ["MonitorStorage__blobServiceUri", "MonitorStorage__tableServiceUri", "MonitorStorage__credential", "MonitorStorage__clientId", "EventHubName"]);

        Assert.Equal(local, azure);
    }
}
