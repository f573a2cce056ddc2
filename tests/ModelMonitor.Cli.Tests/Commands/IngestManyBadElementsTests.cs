using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

/// <summary>
/// The message of the bug report: one JSON array of 400,000 numbers (about 0.8 MB, under the 1 MiB limit). Each
/// element is rejected; ingest used to store the whole body once per element and ran out of memory.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestManyBadElementsTests(AzuriteFixture azurite)
{
    private const int Elements = 400_000;

    /// <summary>
    /// 256 MiB: the fixed ingest peaks near 130 MB resident for this message; before the fix it needed more than
    /// 1.5 GiB and still failed.
    /// </summary>
    private const string HeapLimit = "0x10000000";

    private static async Task<string> WriteMessageFileAsync()
    {
        var text = new StringBuilder((Elements * 2) + 2).Append('[');
        for (var i = 0; i < Elements; i++)
        {
            text.Append(i == 0 ? "" : ",").Append((char)('0' + (i % 10)));
        }

        return await EventLines.WriteFileAsync([text.Append(']').ToString()]);
    }

    [Fact]
    public async Task Ingest_ArrayOf400000Numbers_CountsEveryElementAndStoresBoundedLetters()
    {
        var source = azurite.NewSourceName();
        var file = await WriteMessageFileAsync();

        var ingest = await CliRun.InvokeAsync("ingest", "--events", file, "--source", source, "--format", "json");
        var list = await CliRun.InvokeAsync("deadletters", "--format", "json");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Equal("""{"received":400000,"folded":0,"deadLettered":400000,"skippedDuplicates":0}""", ingest.StdoutLine);
        using var json = JsonDocument.Parse(list.Stdout);
        var mine = json.RootElement.EnumerateArray().Where(l => l.GetProperty("partition").GetString() == source).ToList();
        Assert.Equal(100, mine.Count);
        Assert.Equal(Elements, mine.Sum(l => 1 + (l.TryGetProperty("omitted", out var o) ? o.GetInt32() : 0)));
        Assert.All(mine, l => Assert.Equal("element", l.GetProperty("bodyScope").GetString()));
        Assert.Contains("399,900 more elements rejected", mine[^1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ArrayOf400000NumbersUnder256MiBHeap_Succeeds()
    {
        var source = azurite.NewSourceName();
        var file = await WriteMessageFileAsync();
        var cli = typeof(CliApp).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { cli, "ingest", "--events", file, "--source", source, "--format", "json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Contains("\"deadLettered\":400000", await stdout, StringComparison.Ordinal);
    }
}
