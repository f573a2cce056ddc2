using ModelMonitor.Core.Events;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Operations;

public class ServingSeriesTests
{
    private static readonly DateTimeOffset Hour = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static WindowSummary Summary(string version, DateTimeOffset start, int count, Func<int, string> status, Func<int, double> latency)
    {
        var summary = new WindowSummary("m", version, start, start.AddHours(1));
        for (var i = 0; i < count; i++)
        {
            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction, EventId = "e", ModelId = "m", ModelVersion = version, Timestamp = start,
                Status = status(i), LatencyMs = latency(i), CpuMs = i % 2 == 0 ? 4 : 6, MemoryMb = 100,
            });
        }

        return summary;
    }

    [Fact]
    public void Build_TwoVersionsInOneHour_GivesPerVersionAndCombinedNumbers()
    {
        var history = new ServingHistory("m", Hour, [
            Summary("1", Hour, 100, i => i < 5 ? "500" : "ok", i => i + 1),
            Summary("2", Hour, 100, i => i < 10 ? "429" : (i < 20 ? "200" : "ok"), i => 101 + i),
        ]);

        var series = ServingSeries.Build(history);

        var one = series.Hour(Hour, "1")!;
        var all = series.Hour(Hour)!;
        Assert.Equal((100, 5), (one.Requests, one.Errors));
        Assert.Equal(0.05, one.ErrorRate);
        Assert.Equal(50, one.LatencyP50);
        Assert.Equal(95, one.LatencyP95);
        Assert.Equal(99, one.LatencyP99);
        Assert.Equal(5, one.CpuMean);
        Assert.Equal((200, 15), (all.Requests, all.Errors));
        Assert.Equal(new Dictionary<string, long> { ["500"] = 5, ["429"] = 10 }, all.ErrorsByStatus);
        Assert.Equal(100, all.LatencyP50);
        Assert.Equal(190, all.LatencyP95);
        Assert.Equal(["1", "2"], series.Versions);
    }

    [Fact]
    public void Hour_InsideCoverageWithoutEvents_IsZeroAndBeforeCoverageIsUnknown()
    {
        var series = ServingSeries.Build(new ServingHistory("m", Hour, [Summary("1", Hour, 10, _ => "ok", _ => 1)]));

        Assert.Equal(0, series.Hour(Hour.AddHours(3))!.Requests);
        Assert.Null(series.Hour(Hour.AddHours(-1)));
        Assert.Null(series.Day(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(0, series.Day(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero))!.Requests);
    }

    [Fact]
    public void Day_MergesItsHours()
    {
        var day = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var history = new ServingHistory("m", day, [Summary("1", day.AddHours(1), 10, _ => "ok", _ => 1), Summary("1", day.AddHours(23), 30, _ => "oops", _ => 3)]);

        var point = ServingSeries.Build(history).Day(day)!;

        Assert.Equal((40, 30), (point.Requests, point.Errors));
        Assert.Equal(TimeSpan.FromDays(1), point.Length);
    }

    [Fact]
    public void ServingHistory_SummaryOfAnotherModel_IsRejected()
    {
        var other = new WindowSummary("x", "1", Hour, Hour.AddHours(1));

        Assert.Throws<ArgumentException>(() => new ServingHistory("m", Hour, [other]));
    }
}
