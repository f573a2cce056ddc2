using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Functions.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = FunctionsApplication.CreateBuilder(args);
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

builder.Build().Run();
