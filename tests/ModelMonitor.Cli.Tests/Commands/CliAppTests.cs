using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

public sealed class CliAppTests
{
    /// <summary>Azurite's well-known account, pointed at a port nothing listens on.</summary>
    private const string Unreachable =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ingest")]
    [InlineData("summary", "--model", "m", "--format", "yaml")]
    [InlineData("deadletters", "--bogus")]
    public async Task InvokeAsync_BadUsage_ExitsWith2(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error:", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task InvokeAsync_Help_ListsTheCommands()
    {
        var run = await CliRun.InvokeAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "ingest", "summary", "deadletters", "rollup", "demo" })
        {
            Assert.Contains(command, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvokeAsync_StorageUnreachable_ExitsWith1AndHintsAtAzurite()
    {
        var run = await CliRun.InvokeAsync("deadletters", "--storage", Unreachable);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("./infra/azurite.sh start", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task InvokeAsync_MalformedConnectionString_ExitsWith2()
    {
        var run = await CliRun.InvokeAsync("deadletters", "--storage", "this is not a connection string");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--storage", run.Stderr, StringComparison.Ordinal);
    }
}
