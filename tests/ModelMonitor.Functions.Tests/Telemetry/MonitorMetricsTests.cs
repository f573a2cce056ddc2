using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ModelMonitor.Core.Checks;
using ModelMonitor.Functions.Telemetry;

namespace ModelMonitor.Functions.Tests.Telemetry;

public class MonitorMetricsTests
{
    [Fact]
    public void RecordDriftAndRecordOpened_EmitDriftScoresPerFeature_AndOpenedAlertsBySeverityKindAndModel()
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new MonitorMetrics(services.GetRequiredService<IMeterFactory>());
        var reference = SummaryBuilder.FromColumns([Column.Numeric("amount", [.. Enumerable.Range(0, 2000).Select(i => (double)(i % 100))])], "fraud", "1");
        var current = SummaryBuilder.FromColumns([Column.Numeric("amount", [.. Enumerable.Range(0, 2000).Select(i => (double)(500 + (i % 100)))])], "fraud", "1");
        var result = CheckEvaluator.Evaluate(reference, current, CheckPolicy.Default);
        var scores = new List<(double Value, Dictionary<string, object?> Tags)>();
        var alerts = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MonitorMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "modelmonitor.drift.score")
            {
                scores.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "modelmonitor.alerts.raised")
            {
                alerts.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();

        metrics.RecordDrift(result);
        metrics.RecordOpened(result.Alerts);

        var amount = Assert.Single(scores, s => (string?)s.Tags["feature"] == "amount");
        Assert.Equal("fraud", amount.Tags["modelId"]);
        Assert.Equal(result.Drift.Features.Single(f => f.Name == "amount").Score, amount.Value);
        Assert.NotEmpty(result.Alerts);
        Assert.Equal(result.Alerts.Count, alerts.Sum(a => a.Value));
        Assert.Contains(alerts, a => (string?)a.Tags["kind"] == "feature-drift" && (string?)a.Tags["severity"] == "warning" && (string?)a.Tags["modelId"] == "fraud");
    }
}
