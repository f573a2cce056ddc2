using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Checks;

public sealed class CsvTableTests
{
    [Fact]
    public void Read_InfersNumericBinaryAndCategoricalColumns()
    {
        const string csv = "age,vip,country,score\n31,true,FR,1e-3\n,FALSE,,NaN\n45.5,True,DE,-Infinity\n";

        CsvTable table = Read(csv);

        Assert.Equal(3, table.RowCount);
        Assert.Equal(["age", "vip", "country", "score"], table.Columns.Select(c => c.Name));
        Column age = table.Columns[0], vip = table.Columns[1], country = table.Columns[2], score = table.Columns[3];
        Assert.Equal(FeatureKind.Numeric, age.Kind);
        Assert.Equal([31, 45.5], age.Numbers!);
        Assert.Equal(1, age.MissingCount);
        Assert.Equal(FeatureKind.Binary, vip.Kind);
        Assert.Equal<string?>(["true", "false", "true"], vip.Categories!.AsEnumerable());
        Assert.Equal(FeatureKind.Categorical, country.Kind);
        Assert.Equal<string?>(["FR", null, "DE"], country.Categories!.AsEnumerable());
        Assert.Equal(1, country.MissingCount);
        Assert.Equal(FeatureKind.Numeric, score.Kind);
        Assert.Equal(0.001, score.Numbers![0]);
        Assert.True(double.IsNaN(score.Numbers[1]));
        Assert.Equal(double.NegativeInfinity, score.Numbers[2]);
    }

    [Fact]
    public void Read_HandlesQuotesEmbeddedSeparatorsLineBreaksAndCrLf()
    {
        const string csv = "\uFEFFname,\"note, with comma\"\r\n\"Smith, J\",\"said \"\"hi\"\"\r\nthen left\"\r\n\"\",plain\r\n";

        CsvTable table = Read(csv);

        Assert.Equal(["name", "note, with comma"], table.Columns.Select(c => c.Name));
        Assert.Equal<string?>(["Smith, J", null], table.Columns[0].Categories!.AsEnumerable());
        Assert.Equal<string?>(["said \"hi\"\r\nthen left", "plain"], table.Columns[1].Categories!.AsEnumerable());
    }

    [Fact]
    public void Read_ColumnWithOneNonNumber_IsCategorical_AndSkipsBlankLines()
    {
        CsvTable table = Read("x\n1\n\n2\nabc\n");

        Assert.Equal(3, table.RowCount);
        Assert.Equal(FeatureKind.Categorical, table.Columns[0].Kind);
        Assert.Equal<string?>(["1", "2", "abc"], table.Columns[0].Categories!.AsEnumerable());
    }

    [Fact]
    public void Read_AllEmptyColumn_IsAnEmptyNumericColumn()
    {
        Column column = Read("a,b\n1,\n2, \n").Columns[1];

        Assert.Equal(FeatureKind.Numeric, column.Kind);
        Assert.Empty(column.Numbers!);
        Assert.Equal(2, column.MissingCount);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b\n1\n", "Line 2: 1 fields where the header has 2.")]
    [InlineData("a,a\n1,2\n", "appears more than once")]
    [InlineData("a,\n1,2\n", "empty name")]
    [InlineData("a\n\"open\n", "not closed")]
    [InlineData("a\n\"x\"y\n", "after a closing quote")]
    public void Read_MalformedInput_IsAFailureWithAReason(string csv, string reason)
    {
        CsvReadResult result = CsvTable.Read(new StringReader(csv));

        Assert.False(result.IsSuccess);
        Assert.Null(result.Table);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactAndSketchPaths_FromTheSameCsv_AgreeOnSmallData()
    {
        // Below the sketch's capacity (≤ 128 values) the KLL sketch is exact, so both paths give the same report.
        string reference = "x,c,b\n" + string.Join('\n', Enumerable.Range(0, 120).Select(i => $"{i % 17},{(char)('a' + (i % 3))},{i % 4 == 0}"));
        string current = "x,c,b\n" + string.Join('\n', Enumerable.Range(0, 110).Select(i => $"{(i % 13) + 2},{(char)('a' + (i % 4))},{i % 2 == 0}"));
        CsvTable r = Read(reference), c = Read(current);

        DriftReport exact = DriftReports.FromColumns(r.Columns, c.Columns, DriftPolicy.Default);
        DriftReport sketch = DriftReports.FromSummaries(SummaryBuilder.FromColumns(r.Columns), SummaryBuilder.FromColumns(c.Columns), DriftPolicy.Default);

        Assert.Equal(exact.DriftedShare, sketch.DriftedShare);
        foreach (FeatureDriftReport e in exact.Features)
        {
            FeatureDriftReport k = sketch.Features.Single(f => f.Name == e.Name);

            // σ comes from the summary's streaming moments on the sketch path, from a two-pass sum on the exact path.
            Assert.Equal(e.WassersteinNormalized ?? 0, k.WassersteinNormalized ?? 0, 1e-12);
            Assert.Equal(e, k with { WassersteinNormalized = e.WassersteinNormalized });
        }
    }

    private static CsvTable Read(string csv)
    {
        CsvReadResult result = CsvTable.Read(new StringReader(csv));
        Assert.True(result.IsSuccess, result.Error);
        return result.Table!;
    }
}
