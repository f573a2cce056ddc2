using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Cli.Rollbacks;

/// <summary>
/// The CLI's rollback notifier: the configuration file's <c>notifications</c> channels, as the app routes them. The CLI
/// has no app settings, so <c>secretSetting</c> names resolve to nothing and webhooks go unsigned.
/// </summary>
internal static class RollbackNotifiers
{
    public static INotifier FromConfig(RollbackConfig config, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(config);
        var channels = config.Notifications.Select((c, i) => new ModelMonitor.Service.Notifications.NotificationChannelConfig(
            c.Type, c.Url, c.SecretSetting, Enum.Parse<Severity>(c.MinSeverity, ignoreCase: true), $"{c.Type}-{i}")).ToList();
#pragma warning disable CA2000 // The CLI process ends after one command; the writers are flushed after every line.
        var factory = new NotificationChannelFactory(new HttpClient(), _ => null, timeProvider, TextWriter.Null);
#pragma warning restore CA2000
        return new RoutingNotifier(
            new StaticNotificationPolicySource(new NotificationPolicy(channels, [])),
            factory.Create,
            NullNotificationLog.Instance,
            new NotifierOptions(),
            timeProvider,
            NullLogger<RoutingNotifier>.Instance);
    }
}
