using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using ModelMonitor.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelMonitor.Cli.Tests.Report;

/// <summary>
/// <c>modelmonitor report</c> on a seeded Azurite, opened from file:// in Debian's headless chromium through Playwright:
/// it renders without console or page errors, every section and chart is there and drew, the abuser is highlighted.
/// The screenshot lands in the test output folder (its path is written to the test output).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string[] ModelSections = ["drift", "serving", "callers", "quality", "rollbacks"];

    [Fact]
    public async Task Report_SeededStores_RendersEveryChartWithoutErrors()
    {
        var chromium = Chromium.RequirePath();
        var seed = await ReportSeed.WriteAsync(azurite);
        try
        {
            var path = Path.Combine(AppContext.BaseDirectory, "report-test", $"report-{seed.Upstream}.html");
            var run = await CliRun.InvokeAsync(
                new FakeTimeProvider(seed.End),
                "report", "--out", path, "--model", seed.Upstream, "--model", seed.Downstream, "--from", EventLines.Time(seed.Start), "--to", EventLines.Time(seed.End));
            Assert.True(run.ExitCode == 0, run.ToString());
            using (var summary = JsonDocument.Parse(run.StdoutLine))
            {
                Assert.Equal(2, summary.RootElement.GetProperty("models").GetInt32());
                Assert.Equal(2, summary.RootElement.GetProperty("incidents").GetInt32());
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments() });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add("console: " + message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add("page: " + error);

            await page.GotoAsync(new Uri(path).AbsoluteUri);
            await page.WaitForSelectorAsync("body[data-rendered='true']", new() { Timeout = 10_000 });

            Assert.Empty(errors);
            foreach (var model in new[] { seed.Upstream, seed.Downstream })
            {
                foreach (var section in ModelSections)
                {
                    Assert.Equal(1, await page.Locator($"[data-model='{model}'] [data-section='{section}']").CountAsync());
                }
            }

            var charts = await page.EvaluateAsync<ChartState[]>(DrawnChartsScript);
            Assert.All(charts, c => Assert.True(c.Drawn, $"chart {c.Chart} of {c.Model} has no drawn canvas"));
            Assert.Equal(
                ["callers", "drift", "drift", "drift", "error-rate", "labelled", "latency", "quality", "requests"],
                charts.Where(c => c.Model == seed.Upstream).Select(c => c.Chart).Order(StringComparer.Ordinal));
            Assert.Equal(
                ["callers", "drift", "error-rate", "latency", "requests"],
                charts.Where(c => c.Model == seed.Downstream).Select(c => c.Chart).Order(StringComparer.Ordinal));

            // The hourly band is drawn for the upstream model (4 days of history), the abuser is the one flagged caller.
            Assert.Contains("band upper", await page.Locator($"[data-model='{seed.Upstream}'] [data-chart='requests']").InnerTextAsync(), StringComparison.Ordinal);
            var flagged = page.Locator($"[data-model='{seed.Upstream}'] tr[data-flagged='true']");
            Assert.Equal(1, await flagged.CountAsync());
            Assert.Equal(ReportSeed.Abuser, await flagged.GetAttributeAsync("data-caller"));
            Assert.Contains("flagged", await flagged.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);

            // The incident holds both models' episodes; the abuse episode (no incident id) is grouped under its model.
            Assert.Equal(2, await page.Locator($"[data-incident='{seed.IncidentId}'] [data-episode]").CountAsync());
            Assert.Equal(1, await page.Locator($"[data-incident='model:{seed.Upstream}'] [data-episode]").CountAsync());
            Assert.Equal(3, await page.Locator($"[data-model='{seed.Upstream}'] [data-rollback] [data-step]").CountAsync());

            // A feature named like markup is shown as text, not parsed.
            Assert.Equal(0, await page.Locator("#pwned").CountAsync());
            Assert.Contains(ReportSeed.HostileFeature, await page.Locator($"[data-model='{seed.Upstream}'] [data-section='drift']").InnerTextAsync(), StringComparison.Ordinal);

            var screenshot = Path.Combine(AppContext.BaseDirectory, "report-test", "report.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"screenshot: {screenshot}");
            output.WriteLine($"report: {path}");
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is suspiciously small");
        }
        finally
        {
            await seed.DeleteAsync();
        }
    }

    [Fact]
    public async Task Report_FifteenServedDays_DrawsTheWeeklyBandChart()
    {
        var chromium = Chromium.RequirePath();
        var start = new DateTimeOffset(2001, 5, 1, 0, 0, 0, TimeSpan.Zero);
        long[] hours = [.. Enumerable.Range(0, 15 * 24).Select(h => start.AddHours(h).ToUnixTimeSeconds())];
        long[] requests = [.. hours.Select((_, i) => 100L + (i % 24))];
        long[] dayEnds = [start.AddDays(14).ToUnixTimeSeconds(), start.AddDays(15).ToUnixTimeSeconds()];
        var serving = new ModelMonitor.Service.Reports.ServingSection(
            hours, requests, [.. hours.Select(_ => (double?)null)], [.. hours.Select(_ => (double?)null)], 0.3,
            new ModelMonitor.Service.Reports.WeeklyServing(dayEnds, [19_000, 15_000], [16_000, 16_000], [21_000, 21_000], 0.15),
            [new ModelMonitor.Service.Reports.VersionServing("v1", [.. requests.Select(r => (long?)r)], [.. hours.Select(_ => (double?)0.01)], [.. hours.Select(_ => (double?)20)], [.. hours.Select(_ => (double?)40)], [.. hours.Select(_ => (double?)60)])]);
        var section = new ModelMonitor.Service.Reports.ModelSection(
            "weekly-model", ["v1"], [], serving, new ModelMonitor.Service.Reports.CallerSection([]), new ModelMonitor.Service.Reports.QualitySection([], [], [], [], [], [], []), []);
        var model = new ModelMonitor.Service.Reports.ReportModel(0, hours[0], hours[^1] + 3600, [section], []);
        var path = Path.Combine(AppContext.BaseDirectory, "report-test", $"weekly-{Guid.NewGuid():N}.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, ModelMonitor.Cli.Report.ReportHtml.Render(model, "weekly"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments() });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add("page: " + error);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-rendered='true']", new() { Timeout = 10_000 });

        Assert.Empty(errors);
        var charts = await page.EvaluateAsync<ChartState[]>(DrawnChartsScript);
        var weekly = Assert.Single(charts, c => c.Chart == "weekly");
        Assert.True(weekly.Drawn, "the weekly chart has no drawn canvas");
        Assert.Contains("band upper", await page.Locator("[data-chart='weekly']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Weekly band: needs", await page.Locator("[data-section='serving']").InnerTextAsync(), StringComparison.Ordinal);
    }

    // A canvas drew when any pixel is not fully transparent.
    private const string DrawnChartsScript = """
        () => [...document.querySelectorAll('[data-chart]')].map(box => {
          const canvas = box.querySelector('canvas');
          let drawn = false;
          if (canvas && canvas.width > 0 && canvas.height > 0) {
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { drawn = true; break; } }
          }
          return { chart: box.dataset.chart, model: box.closest('[data-model]')?.dataset.model ?? '', drawn };
        })
        """;

    // Playwright deserializes results into types with a parameterless constructor.
    private sealed class ChartState
    {
        public string Chart { get; set; } = string.Empty;

        public string Model { get; set; } = string.Empty;

        public bool Drawn { get; set; }
    }
}
