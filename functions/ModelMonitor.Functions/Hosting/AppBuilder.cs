using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelMonitor.Functions.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ModelMonitor.Functions.Hosting;

/// <summary>Program.cs's whole set-up, apart from it so a test builds exactly the app's container.</summary>
public static class AppBuilder
{
    public static FunctionsApplicationBuilder ConfigureModelMonitor(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<FailureLoggingMiddleware>();
        builder.Services.AddModelMonitor(builder.Configuration);

        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(MonitorMetrics.MeterName))
            .WithTracing(tracing => tracing.AddSource("ModelMonitor"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            otel.UseAzureMonitorExporter();
        }

        return builder;
    }
}
