using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

public sealed class ColumnAndSummaryBuilderTests
{
    [Fact]
    public void Column_RejectsInconsistentParts()
    {
        Assert.Throws<ArgumentException>(() => new Column("", FeatureKind.Numeric, [], null, 0));
        Assert.Throws<ArgumentException>(() => new Column("x", FeatureKind.Numeric, null, ["a"], 0));
        Assert.Throws<ArgumentException>(() => new Column("x", FeatureKind.Categorical, null, ["a", null], 0));
        Assert.Throws<ArgumentException>(() => new Column("x", FeatureKind.Binary, null, ["yes"], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Column.Numeric("x", [], -1));
    }

    [Fact]
    public void Column_CountsPresentAndMissingRows()
    {
        Column binary = Column.Binary("b", [true, null, false]);

        Assert.Equal<string?>(["true", null, "false"], binary.Categories!.AsEnumerable());
        Assert.Equal(2, binary.PresentCount);
        Assert.Equal(1, binary.MissingCount);
        Assert.Equal(3, binary.RowCount);
        Assert.Equal(5, Column.Numeric("x", [1, double.NaN], missingCount: 3).RowCount);
    }

    [Fact]
    public void FromColumns_FoldsValuesAsIngestionDoes()
    {
        WindowSummary summary = SummaryBuilder.FromColumns(
            [
                Column.Numeric("x", [1, 2, double.NaN, double.PositiveInfinity], missingCount: 1),
                Column.Categorical("c", ["a", "b", "a", null, null]),
                Column.Binary("b", [true, false, null]),
            ],
            "model",
            "7",
            CheckData.Start,
            CheckData.Start.AddHours(1));

        Assert.Equal("model", summary.ModelId);
        Assert.Equal(5, summary.EventCount);
        FeatureSummary x = summary.Features["x"], c = summary.Features["c"], b = summary.Features["b"];
        Assert.Equal(FeatureSummary.FeatureSketchK, x.Numeric!.Sketch.K);
        Assert.Equal(2, x.Numeric.Count);
        Assert.Equal(1, x.Numeric.Nan);
        Assert.Equal(1, x.Numeric.PosInf);
        Assert.Equal(1, summary.MissingCount(x));
        Assert.Equal(2, c.Categories!.GetCount("a"));
        Assert.Equal(2, summary.MissingCount(c));
        Assert.Equal(ValueKind.Boolean, b.DominantKind);
        Assert.Equal(1, b.Categories!.GetCount("true"));
        Assert.Equal(3, summary.MissingCount(b)); // a shorter column's absent rows are missing too
    }

    [Fact]
    public void FromColumns_DuplicateNames_Throw() =>
        Assert.Throws<ArgumentException>(() => SummaryBuilder.FromColumns([Column.Numeric("x", []), Column.Numeric("x", [])]));
}
