using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Build;

/// <summary>
/// The processes that ingest (the Functions app, and the CLI for local runs) turn background GC off and retain freed
/// GC memory, for throughput, and the ingest benchmark measures under the same settings; if one of them drifts, the
/// benchmark stops measuring what runs.
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
    public async Task IngestProcess_RunsWithoutBackgroundGcAndRetainsGcMemory(string project)
    {
        var dotnet = ExternalTool.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH.");

        var (exitCode, output) = await ExternalTool.RunAsync(
            dotnet, "msbuild", Path.Combine(RepositoryLayout.Root, project), "-getProperty:ConcurrentGarbageCollection", "-getProperty:RetainVMGarbageCollection");

        Assert.True(exitCode == 0, output);
        using var properties = System.Text.Json.JsonDocument.Parse(output);
        var values = properties.RootElement.GetProperty("Properties");
        Assert.Equal("false", values.GetProperty("ConcurrentGarbageCollection").GetString());
        Assert.Equal("true", values.GetProperty("RetainVMGarbageCollection").GetString());
    }
}
