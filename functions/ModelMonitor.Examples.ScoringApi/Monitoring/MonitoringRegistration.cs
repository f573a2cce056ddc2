using Azure.Identity;
using ModelMonitor.Client;

namespace ModelMonitor.Examples.ScoringApi.Monitoring;

/// <summary>Registers the <see cref="ScoringMonitor"/> and chooses where its events go.</summary>
public static class MonitoringRegistration
{
    /// <summary>
    /// Adds the process's one producer. Its sink is, in order: an <see cref="IEventSink"/> registered in the
    /// container (a test's, or a transport of your own); Event Hubs when <c>ModelMonitor:Producer</c> names a
    /// namespace (with <see cref="DefaultAzureCredential"/>) or a connection string; otherwise a
    /// <see cref="FileEventSink"/> on <c>ModelMonitor:EventsFile</c>, so the app runs offline.
    /// </summary>
    public static IServiceCollection AddScoringMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitoringSettings>().Bind(configuration.GetSection(MonitoringSettings.SectionName));
        services.AddSingleton(provider => CreateMonitor(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MonitoringSettings>>().Value,
            provider.GetService<IEventSink>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<ProducerShutdown>();
        return services;
    }

    private static ScoringMonitor CreateMonitor(
        MonitoringSettings settings, IEventSink? registeredSink, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var logger = loggerFactory.CreateLogger<ModelMonitorProducer>();
        var options = settings.Producer;
        ModelMonitorProducer producer;
        string destination;
        if (registeredSink is not null)
        {
            producer = ModelMonitorProducer.Create(registeredSink, options, logger, timeProvider);
            destination = "custom";
        }
        else if (settings.UsesEventHubs)
        {
            if (!string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace) && options.Credential is null)
            {
                options = options with { Credential = new DefaultAzureCredential() };
            }

            producer = ModelMonitorProducer.Create(options, logger, timeProvider);
            var host = string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace) ? "(connection string)" : options.FullyQualifiedNamespace;
            destination = $"eventhubs:{host}/{options.EventHubName}";
        }
        else
        {
            var sink = new FileEventSink(settings.EventsFile);
            try
            {
                producer = ModelMonitorProducer.Create(sink, options, logger, timeProvider);
            }
            catch
            {
                // Invalid options: the producer never took the sink, so close the file here.
                sink.Dispose();
                throw;
            }

            destination = $"file:{sink.Path}";
        }

        MonitoringLog.Destination(logger, destination, options.BufferCapacity);
        return new ScoringMonitor(producer, options.BufferCapacity, destination);
    }
}
