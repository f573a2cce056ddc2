using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class ReferenceBuildInputTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReferenceBuild_CsvWithPredictionAndLabel_StoresThemApartFromFeatures()
    {
        var model = azurite.NewModelId();
        var rows = Enumerable.Range(0, 100).Select(i => $"{i},{(i % 2 == 0 ? "DE" : "FR")},0.{i % 10},{(i % 3 == 0 ? "fraud" : "")}");
        var csv = await EventLines.WriteFileAsync(new[] { "amount,country,score,truth" }.Concat(rows), $"train-{Guid.NewGuid():N}.csv");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", model, "--input", csv, "--prediction-column", "score", "--label-column", "truth");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdoutLine);
        Assert.Equal(100, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("features").GetInt32());
        Assert.Equal(34, json.RootElement.GetProperty("outcomes").GetInt32());
    }

    [Fact]
    public async Task ReferenceBuild_PlainFeatureJsonl_StoresTheProfile()
    {
        var model = azurite.NewModelId();
        var lines = Enumerable.Range(0, 50).Select(i => $$"""{"amount":{{i}},"country":"DE","member":true}""");
        var jsonl = await EventLines.WriteFileAsync(lines, $"train-{Guid.NewGuid():N}.jsonl");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", model, "--input", jsonl);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StdoutLine);
        Assert.Equal(50, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(3, json.RootElement.GetProperty("features").GetInt32());
    }

    [Fact]
    public async Task ReferenceBuild_MissingLabelColumn_IsAUsageError()
    {
        var model = azurite.NewModelId();
        var csv = await EventLines.WriteFileAsync(["amount,score", "1,0.5"], $"train-{Guid.NewGuid():N}.csv");

        var run = await CliRun.InvokeAsync("reference", "build", "--model", model, "--input", csv, "--label-column", "truth");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--label-column 'truth'", run.Stderr);
    }
}
