using FsCheck;
using FsCheck.Fluent;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;

namespace ModelMonitor.Core.Tests.Summaries;

public class WindowSummaryTests
{
    private static WindowSummary Empty() => new("fraud", "1", SummaryTestData.Start, SummaryTestData.Start.AddMinutes(5));

    private static WindowSummary Summarize(IEnumerable<MonitoringEvent> events)
    {
        var summary = Empty();
        foreach (var e in events)
        {
            summary.Add(e);
        }

        return summary;
    }

    /// <summary>Everything that must merge exactly, as one comparable string.</summary>
    private static string ExactFingerprint(WindowSummary s)
    {
        var parts = new List<string>
        {
            $"n={s.EventCount}",
            $"lat={s.LatencyMs.Count},{s.LatencyMs.Min},{s.LatencyMs.Max}",
            $"status={string.Join(",", s.Statuses.Top(10))}",
            $"callers={string.Join(",", s.Callers.Top(100))}",
            $"items={s.Impressions},{string.Join(",", s.RecommendedItems.Top(100))}",
            $"outcomes={s.Outcomes.Count},{s.Outcomes.Calibration.Total},{string.Join(",", s.Outcomes.Confusion.Counts.OrderBy(k => k.Key.Actual).ThenBy(k => k.Key.Predicted))}",
            $"clicks={s.Outcomes.Clicks}",
        };
        foreach (var (name, f) in s.Features.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            parts.Add($"{name}:{f.Nulls},{f.Numbers},{f.Strings},{f.Booleans},{s.MissingCount(f)},{f.IsMixedType}");
            if (f.Numeric is { } n)
            {
                parts.Add($"{name}#:{n.Count},{n.Nan},{n.PosInf},{n.NegInf},{n.Min},{n.Max},{n.Sketch.Count}");
            }

            if (f.Categories is { } c)
            {
                parts.Add($"{name}@:{string.Join(",", c.Top(100))}");
            }
        }

        return string.Join("|", parts);
    }

    [Fact]
    public void Add_CountsNullsNonFiniteAndMissingPerFeature()
    {
        var events = SummaryTestData.Events(2000, seed: 1);
        var predictions = events.Where(e => e.Kind == EventKind.Prediction).ToList();

        var s = Summarize(events);

        var amount = s.Features["amount"];
        var values = predictions.Select(e => e.Features[0].Value).ToList();
        Assert.Equal(predictions.Count, s.EventCount);
        Assert.Equal(values.Count(v => v.IsNull), amount.Nulls);
        Assert.Equal(values.Count(v => double.IsNaN(v.Number) && !v.IsNull), amount.Numeric!.Nan);
        Assert.Equal(values.Count(v => double.IsPositiveInfinity(v.Number)), amount.Numeric.PosInf);
        var finite = values.Where(v => !v.IsNull && double.IsFinite(v.Number)).Select(v => v.Number).ToList();
        Assert.Equal(finite.Count, amount.Numeric.Count);
        Assert.Equal(finite.Min(), amount.Numeric.Min);
        Assert.Equal(finite.Max(), amount.Numeric.Max);
        Assert.Equal(finite.Average(), amount.Numeric.Mean, 9);
        var mean = finite.Average();
        Assert.Equal(Math.Sqrt(finite.Sum(x => (x - mean) * (x - mean)) / finite.Count), amount.Numeric.StdDev, 9);

        var sometimes = s.Features["sometimes"];
        Assert.Equal(predictions.Count - predictions.Count(e => e.Features.Count == 5), s.MissingCount(sometimes));
        Assert.True(s.Features["mixed"].IsMixedType);
        Assert.False(amount.IsMixedType);
        Assert.Equal(ValueKind.Boolean, s.Features["vip"].DominantKind);
    }

    [Fact]
    public void Add_Outcomes_FillConfusionCalibrationAndRegression()
    {
        var events = SummaryTestData.Events(3000, seed: 2);
        var outcomes = events.Where(e => e.Kind == EventKind.Outcome).ToList();

        var s = Summarize(events);

        Assert.Equal(outcomes.Count, s.Outcomes.Count);
        Assert.Equal(outcomes.Count, s.Outcomes.Calibration.Total);
        Assert.Equal(outcomes.Count(o => o.Label.Number == 1), s.Outcomes.Calibration.Positives.Sum());
        // Labels are 0/1 numbers and predicted labels are class names, so the confusion matrix pairs them as they came.
        Assert.Equal(outcomes.Count, s.Outcomes.Confusion.Total);
        Assert.Equal(outcomes.Average(o => Math.Abs(o.Prediction.Number - o.Label.Number)), s.Outcomes.Regression.MeanAbsoluteError, 9);
        Assert.Equal(outcomes.Sum(o => o.ClickedItems.Count), s.Outcomes.Clicks);
    }

    [Fact]
    public void Merge_OfParts_EqualsSummaryOfWhole_Property()
    {
        var events = SummaryTestData.Events(1500, seed: 3);
        var whole = Summarize(events);
        var expected = ExactFingerprint(whole);

        Prop.ForAll(
            Gen.Choose(1, 6).SelectMany(parts => Gen.ArrayOf(Gen.Choose(0, parts - 1), events.Count).Select(a => (parts, a))).ToArbitrary(),
            split =>
            {
                var (parts, assignment) = split;
                var pieces = Enumerable.Range(0, parts).Select(p => Summarize(events.Where((_, i) => assignment[i] == p))).ToList();
                var merged = pieces[0];
                foreach (var piece in pieces.Skip(1))
                {
                    merged.Merge(piece);
                }

                return ExactFingerprint(merged) == expected
                    && Math.Abs(merged.Features["amount"].Numeric!.Mean - whole.Features["amount"].Numeric!.Mean) < 1e-9
                    && Math.Abs(merged.Features["amount"].Numeric!.Variance - whole.Features["amount"].Numeric!.Variance) < 1e-6;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Merge_IsCommutativeAndAssociative_Property()
    {
        Prop.ForAll(
            Gen.Choose(0, 400).Three().ToArbitrary(),
            sizes =>
            {
                var (x, y, z) = sizes;
                WindowSummary A() => Summarize(SummaryTestData.Events(x, 10));
                WindowSummary B() => Summarize(SummaryTestData.Events(y, 11));
                WindowSummary C() => Summarize(SummaryTestData.Events(z, 12));

                var ab = A(); ab.Merge(B());
                var ba = B(); ba.Merge(A());
                var abC = A(); abC.Merge(B()); abC.Merge(C());
                var bc = B(); bc.Merge(C());
                var aBC = A(); aBC.Merge(bc);

                return ExactFingerprint(ab) == ExactFingerprint(ba) && ExactFingerprint(abC) == ExactFingerprint(aBC);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Merge_DifferentModel_Throws()
    {
        var other = new WindowSummary("pricing", "1", SummaryTestData.Start, SummaryTestData.Start.AddMinutes(5));
        Assert.Throws<ArgumentException>(() => Empty().Merge(other));
    }

    [Fact]
    public void Merge_DifferentVersions_MarksTheResultAsAnyVersion()
    {
        var v2 = new WindowSummary("fraud", "2", SummaryTestData.Start.AddMinutes(5), SummaryTestData.Start.AddMinutes(10));
        var merged = Empty();
        merged.Merge(v2);
        Assert.Equal(WindowSummary.AnyVersion, merged.ModelVersion);
        Assert.Equal(SummaryTestData.Start.AddMinutes(10), merged.WindowEnd);
    }

    [Fact]
    public void Serializer_RoundTrip_PreservesEverything()
    {
        var s = Summarize(SummaryTestData.Events(5000, seed: 4));

        var restored = WindowSummarySerializer.Deserialize(WindowSummarySerializer.Serialize(s));

        Assert.Equal(ExactFingerprint(s), ExactFingerprint(restored));
        Assert.Equal(WindowSummarySerializer.ToJson(s), WindowSummarySerializer.ToJson(restored));
        Assert.Equal(s.Features["amount"].Numeric!.Sketch.GetQuantile(0.5), restored.Features["amount"].Numeric!.Sketch.GetQuantile(0.5));
        Assert.Equal(s.DistinctCallers.Estimate(), restored.DistinctCallers.Estimate());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0 })]
    public void Serializer_CorruptBytes_ThrowFormatException(byte[] bytes)
    {
        Assert.Throws<FormatException>(() => WindowSummarySerializer.Deserialize(bytes));
    }

    [Fact]
    public void Serialized_MillionEventsWithFiftyFeatures_StaysUnder256KiB()
    {
        var summary = Empty();
        var random = new Random(5);
        var features = new Feature[50];
        var e = new MonitoringEvent { Kind = EventKind.Prediction, EventId = "e", ModelId = "fraud", ModelVersion = "1", Timestamp = SummaryTestData.Start, Features = features };
        var categories = Enumerable.Range(0, 400).Select(i => $"category-{i}").ToArray();
        var callers = Enumerable.Range(0, 5000).Select(i => $"tenant-{i}").ToArray();
        for (var i = 0; i < 1_000_000; i++)
        {
            for (var f = 0; f < 40; f++)
            {
                features[f] = new Feature(FeatureName(f), FieldValue.FromNumber(random.NextDouble() * (f + 1)));
            }

            for (var f = 40; f < 50; f++)
            {
                // Heavy-tailed categories: more distinct values than the exact cap.
                features[f] = new Feature(FeatureName(f), FieldValue.FromString(categories[(int)(categories.Length * Math.Pow(random.NextDouble(), 3))]));
            }

            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction, EventId = "e", ModelId = "fraud", ModelVersion = "1", Timestamp = SummaryTestData.Start,
                Features = features, Prediction = FieldValue.FromNumber(random.NextDouble()), LatencyMs = random.NextDouble() * 100,
                CpuMs = random.NextDouble() * 10, MemoryMb = 500 + random.NextDouble(), Status = "ok", CallerId = callers[random.Next(callers.Length)],
            });
        }

        var bytes = WindowSummarySerializer.Serialize(summary);

        Assert.Equal(1_000_000, summary.EventCount);
        Assert.True(bytes.Length < 256 * 1024, $"serialized summary is {bytes.Length} bytes");
        _ = e;
    }

    private static string FeatureName(int f) => FeatureNames[f];

    private static readonly string[] FeatureNames = [.. Enumerable.Range(0, 50).Select(i => $"feature_{i:D2}")];
}
