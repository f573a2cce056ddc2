using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Checks;

/// <summary>
/// Outcomes arriving four days after their predictions (beyond the 48-hour drift lookback) still reach the daily
/// roll-up and the model-quality check, through the roll-ups' currency and the checks' label lookback.
/// </summary>
public sealed class LateLabelTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(48);
    private static readonly TimeSpan Labels = TimeSpan.FromDays(7);

    // An alert on the first evaluation: this test is about whether the day is judged at all, not about persistence.
    private static readonly CheckPolicy Immediate = new(persistence: new PersistencePolicy(required: 1, window: 1));

    private sealed record Setup(IngestPipeline Pipeline, SummaryReader Reader, RollupService Rollups, FakeTimeProvider Clock, CheckRunner Runner, CheckRunner WithoutLabels, TableClient Alerts, TableClient AlertsWithoutLabels);

    private async Task<Setup> SetupAsync()
    {
        var windows = await azurite.NewContainerAsync("w");
        var references = new ReferenceStore(await azurite.NewContainerAsync("f"));
        var reader = new SummaryReader(windows, FiveMinutes);
        var clock = new FakeTimeProvider(Day.AddDays(1).AddHours(2));
        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        var alerts = tables.GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        var alertsWithout = tables.GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        var runner = new CheckRunner(reader, references, new CheckResultStore(await azurite.NewContainerAsync("r")), new TableAlertSink(alerts), clock, Immediate, Lookback, labelLookback: Labels);
        var without = new CheckRunner(reader, references, new CheckResultStore(await azurite.NewContainerAsync("r")), new TableAlertSink(alertsWithout), clock, Immediate, Lookback);
        await references.SaveAsync("fraud", null, Reference());
        await alerts.CreateIfNotExistsAsync();
        await alertsWithout.CreateIfNotExistsAsync();
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        return new Setup(pipeline, reader, new RollupService(windows, reader, clock), clock, runner, without, alerts, alertsWithout);
    }

    // 1,000 labelled outcomes, 95% of them predicted right.
    private static WindowSummary Reference()
    {
        var summary = new WindowSummary("fraud", "1", Day.AddDays(-30), Day.AddDays(-1));
        for (var i = 0; i < 1000; i++)
        {
            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Outcome, EventId = $"r{i}", ModelId = "fraud", ModelVersion = "1", Timestamp = Day.AddDays(-2),
                Label = FieldValue.FromString(i % 2 == 0 ? "fraud" : "ok"), PredictedLabel = i % 20 == 0 ? (i % 2 == 0 ? "ok" : "fraud") : (i % 2 == 0 ? "fraud" : "ok"),
            });
        }

        return summary;
    }

    // 600 predictions between 10:00 and 10:50 on Day; their outcomes carry the same timestamps and are 40% right.
    private static List<IncomingMessage> Predictions() =>
        [.. Enumerable.Range(0, 600).Select(i => Message(i, string.Create(CultureInfo.InvariantCulture,
            $"{{\"schema\":\"prediction/v1\",\"eventId\":\"p{i}\",\"modelId\":\"fraud\",\"modelVersion\":\"1\",\"timestamp\":\"{Day.AddHours(10).AddSeconds(i * 5):O}\",\"features\":{{\"amount\":{i % 100}}},\"prediction\":0.5,\"predictedLabel\":\"fraud\"}}"),
            Day.AddHours(11)))];

    private static List<IncomingMessage> LateOutcomes(DateTimeOffset arrived) =>
        [.. Enumerable.Range(0, 600).Select(i => Message(1000 + i, string.Create(CultureInfo.InvariantCulture,
            $"{{\"schema\":\"outcome/v1\",\"eventId\":\"p{i}\",\"modelId\":\"fraud\",\"modelVersion\":\"1\",\"timestamp\":\"{Day.AddHours(10).AddSeconds(i * 5):O}\",\"observedAt\":\"{arrived:O}\",\"label\":\"{(i % 5 < 2 ? "fraud" : "ok")}\",\"predictedLabel\":\"fraud\"}}"),
            arrived))];

    private static IncomingMessage Message(long sequence, string body, DateTimeOffset enqueued) => new(Encoding.UTF8.GetBytes(body), sequence, enqueued);

    private static async Task<List<TableEntity>> DailyQualityAlertsAsync(TableClient table)
    {
        var all = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "fraud").ToListAsync();
        return [.. all.Where(a => (string)a["Kind"] == AlertKind.ModelQuality && a.GetDateTimeOffset("WindowStart") == Day && a.GetDateTimeOffset("WindowEnd") == Day.AddDays(1))];
    }

    [Fact]
    public async Task OutcomesFourDaysLate_ChangeTheDailyRollupAndTheModelQualityResult()
    {
        var setup = await SetupAsync();
        await setup.Pipeline.ProcessAsync("0", Predictions());
        await setup.Rollups.RunAsync(Granularity.Hour, Labels);
        await setup.Rollups.RunAsync(Granularity.Day, Labels);
        var before = await setup.Runner.RunAsync();
        var dayBefore = await setup.Reader.ReadBlobAsync(BlobNames.Rollup(new WindowKey("fraud", "1", Granularity.Day, Day)));

        // Four days later the labels arrive, folded into the predictions' windows; then the timers run as scheduled.
        setup.Clock.SetUtcNow(Day.AddDays(4).AddHours(3));
        await setup.Pipeline.ProcessAsync("0", LateOutcomes(Day.AddDays(4).AddHours(2)));
        var hourly = await setup.Rollups.RunAsync(Granularity.Hour, Labels);
        var daily = await setup.Rollups.RunAsync(Granularity.Day, Labels);
        var after = await setup.Runner.RunAsync();
        await setup.WithoutLabels.RunAsync();
        var dayAfter = await setup.Reader.ReadBlobAsync(BlobNames.Rollup(new WindowKey("fraud", "1", Granularity.Day, Day)));

        Assert.Equal(0, before.Failed);
        Assert.Equal(0, dayBefore!.Outcomes.Count);
        Assert.Equal((1, 1), (hourly.Written, daily.Written));
        Assert.Equal(600, dayAfter!.Outcomes.Count);
        Assert.Equal(0, after.Failed);
        // Accuracy fell from 95% to 40% (with it, per-class precision and recall).
        Assert.Contains(await DailyQualityAlertsAsync(setup.Alerts), a => (string)a["Subkind"] == ModelQualityMetric.Accuracy);
        // The same runner without a label lookback never sees the day again: its labels came too late for 48 hours.
        Assert.Empty(await DailyQualityAlertsAsync(setup.AlertsWithoutLabels));
    }

    [Fact]
    public async Task ReadRange_DailyRollupWrittenBeforeTheLateOutcomes_IsNotPreferred()
    {
        var setup = await SetupAsync();
        await setup.Pipeline.ProcessAsync("0", Predictions());
        await setup.Rollups.RunAsync(Granularity.Hour, Labels);
        await setup.Rollups.RunAsync(Granularity.Day, Labels);
        setup.Clock.SetUtcNow(Day.AddDays(4).AddHours(3));
        await setup.Pipeline.ProcessAsync("0", LateOutcomes(Day.AddDays(4).AddHours(2)));

        // No roll-up has run since: the daily and hourly roll-ups hold no outcomes, the base windows 600.
        var read = await setup.Reader.ReadRangeAsync("fraud", "1", Day, Day.AddDays(1));

        Assert.Equal(600, read!.EventCount);
        Assert.Equal(600, read.Outcomes.Count);
    }
}
