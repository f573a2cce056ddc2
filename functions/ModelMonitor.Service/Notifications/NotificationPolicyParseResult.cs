namespace ModelMonitor.Service.Notifications;

/// <summary>A parsed policy, or the reasons it was refused (each with its JSON path).</summary>
public sealed record NotificationPolicyParseResult(NotificationPolicy? Policy, IReadOnlyList<string> Errors)
{
    public bool IsValid => Policy is not null;
}
