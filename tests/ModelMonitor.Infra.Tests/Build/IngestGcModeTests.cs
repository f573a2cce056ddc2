using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Build;

/// <summary>
/// The processes that ingest (the Functions app, and the CLI for local runs) turn background GC off for throughput,
/// and the ingest benchmark measures under the same mode; if one of them drifts, the benchmark stops measuring what runs.
/// </summary>
public sealed class IngestGcModeTests
{
    public static TheoryData<string> IngestProjects => new()
    {
        "functions/ModelMonitor.Functions/ModelMonitor.Functions.csproj",
        "functions/ModelMonitor.Cli/ModelMonitor.Cli.csproj",
        "tests/ModelMonitor.Benchmarks/ModelMonitor.Benchmarks.csproj",
    };

    [Theory]
    [MemberData(nameof(IngestProjects))]
    public async Task IngestProcess_RunsWithoutBackgroundGc(string project)
    {
        var dotnet = ExternalTool.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH.");

        var (exitCode, output) = await ExternalTool.RunAsync(dotnet, "msbuild", Path.Combine(RepositoryLayout.Root, project), "-getProperty:ConcurrentGarbageCollection");

        Assert.True(exitCode == 0, output);
        Assert.Equal("false", output.Trim());
    }
}
