namespace ModelMonitor.Core.Rollbacks;

/// <summary>The validated rollback configuration: the ARM endpoint (sovereign clouds, tests), targets by model id, channels.</summary>
public sealed record RollbackConfig(
    Uri ArmEndpoint,
    IReadOnlyDictionary<string, RollbackTarget> Targets,
    IReadOnlyList<NotificationChannelConfig> Notifications)
{
    /// <summary>Public Azure's Resource Manager. <value>https://management.azure.com</value></summary>
    public static readonly Uri PublicCloudArm = new("https://management.azure.com");
}
