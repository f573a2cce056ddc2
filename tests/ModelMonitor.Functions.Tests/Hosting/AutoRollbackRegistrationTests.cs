using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.AutoRollback;

namespace ModelMonitor.Functions.Tests.Hosting;

public class AutoRollbackRegistrationTests
{
    private static ServiceCollection Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MonitorStorage"] = "UseDevelopmentStorage=true" }).Build();
        var services = new ServiceCollection();
        services.AddLogging().AddModelMonitor(configuration);
        return services;
    }

    [Fact]
    public void AddModelMonitor_WithARollbackStarter_TheLifecyclesNotifierStartsAutoRollbacks()
    {
        var services = Services();
        services.AddSingleton<IRollbackStarter, RecordingRollbackStarter>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.IsType<AutoRollbackNotifier>(provider.GetRequiredService<INotifier>());
        Assert.Single(services, d => d.ServiceType == typeof(INotifier));
    }

    [Fact]
    public void AddModelMonitor_WithoutARollbackStarter_KeepsThePlainNotifier() =>
        Assert.IsType<RoutingNotifier>(Services().BuildServiceProvider().GetRequiredService<INotifier>());
}
