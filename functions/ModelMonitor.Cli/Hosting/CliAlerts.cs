using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Cli.Hosting;

/// <summary>
/// The CLI's alert lifecycle: the same episodes in the <c>alerts</c> table as the Functions app, and notifications to
/// one file sink (JSON lines) when a path is given, so local runs show what people would have been told.
/// </summary>
internal static class CliAlerts
{
    public static RecordingAlertSink Create(CliStorage storage, TimeProvider timeProvider, string? notificationFile) =>
        Create(storage, timeProvider, CreateNotifier(storage, timeProvider, notificationFile));

    /// <summary>The lifecycle over a given notifier (the local run decorates it to start auto-rollbacks).</summary>
    public static RecordingAlertSink Create(CliStorage storage, TimeProvider timeProvider, INotifier notifier) =>
        new(new AlertLifecycle(
            new TableAlertEpisodeStore(storage.Clients.Table(TableAlertSink.TableName)), notifier, timeProvider, EpisodeOptions.Default, NullLogger<AlertLifecycle>.Instance));

    /// <summary>Notifications to one file (JSON lines) when a path is given, outcomes recorded beside the episodes.</summary>
    public static INotifier CreateNotifier(CliStorage storage, TimeProvider timeProvider, string? notificationFile)
    {
        var alerts = storage.Clients.Table(TableAlertSink.TableName);
        var policy = notificationFile is null
            ? NotificationPolicy.Empty
            : new NotificationPolicy([new NotificationChannelConfig(ChannelTypes.File, notificationFile, null, Severity.Info, ChannelTypes.File)], []);
#pragma warning disable CA2000 // The CLI process ends after one command; the writers are flushed after every line.
        var channels = new NotificationChannelFactory(new HttpClient(), _ => null, timeProvider, TextWriter.Null);
#pragma warning restore CA2000
        return new RoutingNotifier(
            new StaticNotificationPolicySource(policy),
            channels.Create,
            new TableNotificationLog(alerts, timeProvider),
            new NotifierOptions(),
            timeProvider,
            NullLogger<RoutingNotifier>.Instance);
    }
}
