using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// A stakeholder's subscription: <c>{"subscriber","channel","model","kind","minSeverity","thresholds":{"kind":"severity"}}</c>.
/// Thresholds raise the minimum severity for particular non-critical kinds; a critical notification always passes them.
/// </summary>
/// <param name="Subscriber">Who (a team or person), for outcomes and audit.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Model">Model id or <c>*</c>.</param>
/// <param name="Kind">Alert kind or <c>*</c>.</param>
/// <param name="MinSeverity">Minimum severity.</param>
/// <param name="Thresholds">Per-kind minimum severity overrides.</param>
public sealed record NotificationSubscription(
    string Subscriber,
    string Channel,
    string Model,
    string Kind,
    Severity MinSeverity,
    IReadOnlyDictionary<string, Severity> Thresholds)
{
    /// <summary>Whether this subscription wants <paramref name="notification"/>.</summary>
    public bool Matches(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (Model != "*" && !string.Equals(Model, notification.ModelId, StringComparison.Ordinal))
        {
            return false;
        }

        if (Kind != "*" && !string.Equals(Kind, notification.Kind, StringComparison.Ordinal))
        {
            return false;
        }

        if (notification.Severity < MinSeverity)
        {
            return false;
        }

        return notification.Severity == Severity.Critical
            || notification.Kind is null
            || !Thresholds.TryGetValue(notification.Kind, out var own)
            || notification.Severity >= own;
    }
}
