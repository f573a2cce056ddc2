using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.AutoRollback;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Functions.Hosting;

/// <summary>
/// Auto-rollback from check alerts: decorates the registered <see cref="INotifier"/> (the one the alert lifecycle uses)
/// with <see cref="AutoRollbackNotifier"/>, reading each model's <c>autoRollback</c> policy from the policy store's
/// <c>rollback</c> section and claiming episodes in the Azure Monitor receipt table. Call after the notifier is
/// registered. Rollbacks start through the registered <see cref="IRollbackStarter"/>; while none is registered the
/// notifier stays undecorated and says so once in the log.
/// </summary>
public static partial class AutoRollbackRegistration
{
    public static IServiceCollection AddAutoRollback(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(INotifier))
            ?? throw new InvalidOperationException("AddAutoRollback decorates the alert notifier: register an INotifier first.");
        services.Remove(registered);
        Func<IServiceProvider, INotifier> inner = registered switch
        {
            { ImplementationFactory: { } factory } => sp => (INotifier)factory(sp),
            { ImplementationInstance: INotifier instance } => _ => instance,
            { ImplementationType: { } type } => sp => (INotifier)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The registered INotifier has no implementation to decorate."),
        };
        services.AddSingleton<INotifier>(sp =>
        {
            var notifier = inner(sp);
            var logger = sp.GetRequiredService<ILogger<AutoRollbackTrigger>>();
            if (sp.GetService<IRollbackStarter>() is not { } starter)
            {
                LogNoStarter(logger);
                return notifier;
            }

            var claims = sp.GetService<IAlertReceiptLog>()
                ?? new TableAlertReceiptLog(sp.GetRequiredService<MonitorStorageClients>().Table(TableAlertReceiptLog.TableName));
            var trigger = new AutoRollbackTrigger(
                new StoreRollbackTargetSource(sp.GetRequiredService<IModelConfigStore>()), claims, starter, sp.GetRequiredService<TimeProvider>(), logger);
            return new AutoRollbackNotifier(notifier, trigger);
        });
        return services;
    }

    [LoggerMessage(EventId = 3210, Level = LogLevel.Warning, Message = "No IRollbackStarter is registered: check alerts start no rollbacks")]
    private static partial void LogNoStarter(ILogger logger);
}
