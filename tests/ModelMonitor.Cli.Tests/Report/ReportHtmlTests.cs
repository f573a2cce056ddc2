using System.Text.Json;
using System.Text.RegularExpressions;
using ModelMonitor.Cli.Report;
using ModelMonitor.Service.Reports;

namespace ModelMonitor.Cli.Tests.Report;

public sealed partial class ReportHtmlTests
{
    private const string Hostile = "</script><script>window.pwned=1</script><!--";

    [Fact]
    public void Render_NamesThatCloseScriptTags_StayInsideTheDataBlob()
    {
        var html = ReportHtml.Render(Model(Hostile), "report");

        // The data element and the two inlined scripts close; nothing from the data does.
        Assert.Equal(3, ScriptClose().Matches(html).Count);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>window.pwned", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DataBlob_EscapedNames_ParseBackToTheOriginalText()
    {
        var blob = ReportHtml.DataBlob(Model(Hostile));

        Assert.DoesNotContain('<', blob);
        Assert.DoesNotContain('>', blob);
        using var json = JsonDocument.Parse(blob);
        var drift = json.RootElement.GetProperty("models")[0].GetProperty("drift")[0];
        Assert.Equal(Hostile, drift.GetProperty("feature").GetString());
        Assert.Equal(Hostile, json.RootElement.GetProperty("incidents")[0].GetProperty("episodes")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void Render_InlinesTheChartLibrary_NoExternalReferences()
    {
        var html = ReportHtml.Render(Model("amount"), "report");

        Assert.Contains("https://github.com/leeoniya/uPlot (v1.6.32)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    private static ReportModel Model(string feature)
    {
        var episode = new ReportEpisode("k#1", "m1", "v1", "feature-drift", null, feature, "firing", "warning", 1, 100, 200, null, feature);
        var section = new ModelSection(
            "m1",
            ["v1"],
            [new DriftSeries(feature, "v1", "psi", 0.2, [100], [0.5], [true])],
            new ServingSection([], [], [], [], 0.3, new WeeklyServing([], [], [], [], 0.15), []),
            new CallerSection([]),
            new QualitySection([], [], [], [], [], [], []),
            []);
        return new ReportModel(0, 0, 3600, [section], [new ReportIncident("model:m1", "model", 100, 200, "warning", [episode])]);
    }

    [GeneratedRegex("</script>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptClose();
}
