using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Tests.Checks;

public sealed class MonitorAlertTests
{
    private static readonly Dictionary<string, double?> Evidence = new() { ["statistic"] = 0.2, ["pValue"] = null };

    [Fact]
    public void DedupKey_IsKindSubkindModelVersionFeatureAndUtcWindowStart()
    {
        var start = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2));

        MonitorAlert alert = new(AlertKind.DataQuality, DataQualitySubkind.Missing, "fraud", "3", "amount", Severity.Warning, start, start.AddHours(1), Evidence);

        Assert.Equal("data-quality|missing|fraud|3|amount|2026-03-01T12:00:00.0000000Z", alert.DedupKey);
    }

    [Fact]
    public void DedupKey_EscapesSeparatorsAndTableKeyCharacters()
    {
        MonitorAlert alert = new(AlertKind.FeatureDrift, null, "m", "1", "a|b/c%#?", Severity.Warning, CheckData.Start, CheckData.Start, Evidence);

        Assert.Equal("feature-drift||m|1|a%7Cb%2Fc%25%23%3F|2026-03-01T12:00:00.0000000Z", alert.DedupKey);
    }

    [Fact]
    public void SameAlertRebuilt_HasTheSameKey_ButWindowsDiffer()
    {
        MonitorAlert a = new(AlertKind.LabelShift, null, "m", "1", null, Severity.Warning, CheckData.Start, CheckData.Start.AddHours(1), Evidence);
        MonitorAlert b = new(AlertKind.LabelShift, null, "m", "1", null, Severity.Error, CheckData.Start, CheckData.Start.AddHours(1), new Dictionary<string, double?>());
        MonitorAlert c = new(AlertKind.LabelShift, null, "m", "1", null, Severity.Warning, CheckData.Start.AddHours(1), CheckData.Start.AddHours(2), Evidence);

        Assert.Equal(a.DedupKey, b.DedupKey);
        Assert.NotEqual(a.DedupKey, c.DedupKey);
    }

    [Fact]
    public void Constructor_RejectsInvalidAlerts()
    {
        DateTimeOffset t = CheckData.Start;
        Assert.Throws<ArgumentException>(() => new MonitorAlert("drift", null, "m", "1", null, Severity.Warning, t, t, Evidence));
        Assert.Throws<ArgumentException>(() => new MonitorAlert(AlertKind.ModelQuality, "mae", "", "1", null, Severity.Warning, t, t, Evidence));
        Assert.Throws<ArgumentException>(() => new MonitorAlert(AlertKind.ModelQuality, "mae", "m", "1", null, Severity.Warning, t, t.AddSeconds(-1), Evidence));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonitorAlert(AlertKind.ModelQuality, "mae", "m", "1", null, (Severity)9, t, t, Evidence));
        Assert.Throws<ArgumentException>(() => new MonitorAlert(
            AlertKind.ModelQuality, "mae", "m", "1", null, Severity.Warning, t, t, new Dictionary<string, double?> { ["x"] = double.NaN }));
    }

    [Fact]
    public void Evidence_IsCopied()
    {
        var evidence = new Dictionary<string, double?> { ["n"] = 1 };
        MonitorAlert alert = new(AlertKind.ModelQuality, "mae", "m", "1", null, Severity.Warning, CheckData.Start, CheckData.Start, evidence);

        evidence["n"] = 2;

        Assert.Equal(1, alert.Evidence["n"]);
    }
}
