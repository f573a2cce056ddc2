using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Tests.Checks;

public sealed class AlertPersistenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_FirstOccurrence_IsHeldBack()
    {
        MonitorAlert condition = Condition(Severity.Warning);

        Assert.Empty(AlertPersistence.Apply([condition], [null, null], PersistencePolicy.Default));
    }

    [Fact]
    public void Apply_TwoOfThreeWindows_Fires_WithHowLongItHeld()
    {
        MonitorAlert condition = Condition(Severity.Warning);
        IReadOnlySet<string> before = new HashSet<string> { AlertPersistence.ConditionKey(condition) };

        MonitorAlert fired = Assert.Single(AlertPersistence.Apply([condition], [null, before], PersistencePolicy.Default));

        Assert.Equal(Severity.Warning, fired.Severity);
        Assert.Equal(2, fired.Evidence["heldWindows"]);
        Assert.Equal(3, fired.Evidence["ofWindows"]);
        Assert.Equal(condition.DedupKey, fired.DedupKey);
    }

    [Fact]
    public void Apply_HeldInEveryWindow_IsEscalatedOneLevel()
    {
        MonitorAlert condition = Condition(Severity.Warning);
        IReadOnlySet<string> before = new HashSet<string> { AlertPersistence.ConditionKey(condition) };

        MonitorAlert fired = Assert.Single(AlertPersistence.Apply([condition], [before, before], PersistencePolicy.Default));

        Assert.Equal(Severity.Error, fired.Severity);
    }

    [Fact]
    public void Apply_BigEffect_FiresAtOnce()
    {
        MonitorAlert fired = Assert.Single(AlertPersistence.Apply([Condition(Severity.Critical)], [], PersistencePolicy.Default));

        Assert.Equal(1, fired.Evidence["heldWindows"]);
    }

    [Fact]
    public void Apply_HistoryOfAnotherFeatureOrOlderThanTheWindow_DoesNotCount()
    {
        MonitorAlert condition = Condition(Severity.Warning);
        IReadOnlySet<string> other = new HashSet<string> { AlertPersistence.ConditionKey(AlertKind.FeatureDrift, null, "other") };
        IReadOnlySet<string> same = new HashSet<string> { AlertPersistence.ConditionKey(condition) };

        // The matching entry is three windows back: outside "the last 3" (this one and two before).
        Assert.Empty(AlertPersistence.Apply([condition], [other, null, same], PersistencePolicy.Default));
    }

    [Fact]
    public void ConditionKey_ComponentsWithSeparators_DoNotCollide() =>
        Assert.NotEqual(AlertPersistence.ConditionKey("a", "b|c", null), AlertPersistence.ConditionKey("a", "b", "c"));

    [Fact]
    public void ReadConditionKeys_RoundTripsTheStoredConditions_AndRejectsOtherDocuments()
    {
        MonitorAlert condition = Condition(Severity.Warning);
        string json = $$"""{"conditions":[{"kind":"{{condition.Kind}}","subkind":null,"feature":"amount"}],"alerts":[]}""";

        IReadOnlySet<string>? keys = CheckResultJson.ReadConditionKeys(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal([AlertPersistence.ConditionKey(condition)], keys!);
        Assert.Null(CheckResultJson.ReadConditionKeys("not json"u8));
        Assert.Null(CheckResultJson.ReadConditionKeys("[1]"u8));
    }

    [Fact]
    public void Policy_RequiredAboveWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersistencePolicy(required: 4, window: 3));

    private static MonitorAlert Condition(Severity severity) =>
        new(AlertKind.FeatureDrift, null, "m", "1", "amount", severity, Start, Start.AddHours(1), new Dictionary<string, double?> { ["score"] = 0.01 });
}
