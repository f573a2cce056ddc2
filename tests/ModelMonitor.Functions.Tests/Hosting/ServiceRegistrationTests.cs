using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelMonitor.Functions.Checks;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Functions.Ingestion;
using ModelMonitor.Functions.Rollups;

namespace ModelMonitor.Functions.Tests.Hosting;

public class ServiceRegistrationTests
{
    [Fact]
    public void AddModelMonitor_WithTheSampleSettings_ResolvesEveryFunctionClass()
    {
        // The same keys local.settings.sample.json holds, in their configuration form.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorStorage"] = "UseDevelopmentStorage=true",
            ["Monitor:WindowMinutes"] = "5",
            ["Monitor:MaxEventBytes"] = "1048576",
            ["Monitor:MaxFutureSkewMinutes"] = "1440",
            ["Monitor:IngestParallelism"] = "8",
            ["Rollup:LookbackHours"] = "48",
            ["Checks:LookbackHours"] = "48",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddModelMonitor(configuration);
        services.AddTransient<IngestFunction>().AddTransient<RollupFunctions>().AddTransient<RunChecksFunction>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<IngestFunction>());
        Assert.NotNull(provider.GetRequiredService<RollupFunctions>());
        Assert.NotNull(provider.GetRequiredService<RunChecksFunction>());
    }

    [Fact]
    public void AddModelMonitor_InvalidChecksLookback_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorStorage"] = "UseDevelopmentStorage=true",
            ["Checks:LookbackHours"] = "0",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddModelMonitor(configuration).BuildServiceProvider();

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<ModelMonitor.Service.Cycle.MonitoringCycle>());
        Assert.Contains("LookbackHours", ex.Message);
    }
}
