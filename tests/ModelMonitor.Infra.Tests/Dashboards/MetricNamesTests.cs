using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Infra.Tests.Support;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Infra.Tests.Dashboards;

/// <summary>
/// The metric names the code creates (read from the instruments themselves, not from a list) are the only ones the
/// workbook and the Bicep alert rules may query, and every one is documented in docs/metrics.md.
/// </summary>
public sealed partial class MetricNamesTests
{
    /// <summary>Charted or alerted on before anything emits them: none.</summary>
    private static readonly string[] Pending = [];

    [Fact]
    public void WorkbookAndAlertRules_ReferenceOnlyMetricsTheCodeCreates()
    {
        var known = CodeMetricNames().Concat(Pending).ToHashSet(StringComparer.Ordinal);
        var sources = new[] { RepositoryLayout.Workbook }.Concat(RepositoryLayout.BicepFiles().Select(RepositoryLayout.InBicepDirectory));

        var unknown = sources
            .SelectMany(file => MetricName().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Name: m.Value)))
            .Where(r => !known.Contains(r.Name))
            .Distinct()
            .ToList();

        Assert.True(unknown.Count == 0, "Unknown metrics: " + string.Join(", ", unknown.Select(u => $"{u.Name} in {u.File}")));
    }

    [Fact]
    public void EveryMetric_IsDocumented()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "metrics.md"));

        var undocumented = CodeMetricNames().Where(name => !doc.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void CodeMetricNames_IncludeTheEpisodeAndNotificationInstruments()
    {
        var names = CodeMetricNames();

        Assert.Contains("modelmonitor.episodes.opened", names);
        Assert.Contains("modelmonitor.notifications.failed", names);
        Assert.Contains("modelmonitor.checks.duration", names);
        Assert.Contains("modelmonitor.ingest.events", names);
    }

    private static IReadOnlyList<string> CodeMetricNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var factory = new LocalMeterFactory();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (factory.Created.Contains(instrument.Meter))
            {
                lock (names)
                {
                    names.Add(instrument.Name);
                }
            }
        };
        listener.Start();
        using (new MonitorMetrics(factory))
        using (new AlertMetrics(factory))
        using (new ModelMonitor.Service.Telemetry.RollbackMetrics(factory))
        {
            return [.. names.Order(StringComparer.Ordinal)];
        }
    }

    [GeneratedRegex(@"modelmonitor(\.[a-z_]+)+")]
    private static partial Regex MetricName();

    private sealed class LocalMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose() => Created.ForEach(m => m.Dispose());
    }
}
