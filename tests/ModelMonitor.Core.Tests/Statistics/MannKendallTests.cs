using System.Text.Json;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

public class MannKendallTests
{
    public static TheoryData<int> CaseIndexes() => [.. Enumerable.Range(0, Cases().Count)];

    [Fact]
    public void Fixture_HasEveryCase() => Assert.Equal(8, Cases().Count);

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Test_MatchesScipyKendallTauAsymptotic(int index)
    {
        var (values, tau, p) = Cases()[index];

        var result = MannKendall.Test(values);

        Assert.Equal(tau, result.Tau, 12);
        Assert.Equal(p, result.PValue, 1e-12);
    }

    [Fact]
    public void Test_DecreasingSeries_HasSmallOneSidedPValue_AndIncreasingDoesNot()
    {
        var down = MannKendall.Test([7, 6, 5, 4, 3, 2, 1]);
        var up = MannKendall.Test([1, 2, 3, 4, 5, 6, 7]);

        Assert.Equal(down.PValue / 2, down.DecreasingPValue, 12);
        Assert.Equal(1 - (up.PValue / 2), up.DecreasingPValue, 12);
    }

    [Theory]
    [InlineData(new double[] { })]
    [InlineData(new double[] { 1, 2 })]
    [InlineData(new double[] { 3, 3, 3, 3 })]
    public void Test_TooShortOrConstant_IsNoEvidence(double[] values)
    {
        var result = MannKendall.Test(values);

        Assert.Equal(1.0, result.PValue);
        Assert.Equal(0.0, result.Z);
    }

    private static List<(double[] Values, double Tau, double PValue)> Cases()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Statistics", "Fixtures", "mann_kendall.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return
        [
            .. doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => (
                e.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                e.GetProperty("tau").GetDouble(),
                e.GetProperty("pValue").GetDouble())),
        ];
    }
}
