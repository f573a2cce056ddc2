using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Scripts;

/// <summary>
/// infra/vulnerable-packages.sh (run by infra/test.sh) fails on High or Critical findings, passes on lower ones, and
/// only warns when the vulnerability feed cannot be reached. Fed saved <c>dotnet list package</c> outputs.
/// </summary>
public sealed class VulnerablePackagesScriptTests
{
    private static string Script => Path.Combine(RepositoryLayout.Root, "infra", "vulnerable-packages.sh");

    private const string Header = """
        The following sources were used:
           https://api.nuget.org/v3/index.json

        Project `ModelMonitor.Core` has the following vulnerable packages
           [net10.0]:
           Top-level Package      Requested   Resolved   Severity   Advisory URL
        """;

    private static async Task<(int ExitCode, string Output)> RunOnAsync(string listOutput)
    {
        var bash = ExternalTool.Find("bash") ?? throw new InvalidOperationException("bash is not on PATH.");
        var file = Path.Combine(Path.GetTempPath(), $"vulnerable-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, listOutput);
        try
        {
            return await ExternalTool.RunAsync(bash, Script, "--from-file", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("High")]
    [InlineData("Critical")]
    public async Task Script_HighOrCriticalFinding_Fails(string severity)
    {
        var (exitCode, output) = await RunOnAsync(Header + $"\n   > Some.Package         1.0.0       1.0.0      {severity}       https://github.com/advisories/GHSA-xxxx\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("High or Critical", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Moderate")]
    [InlineData("Low")]
    public async Task Script_LowerSeverityFinding_IsListedButPasses(string severity)
    {
        var (exitCode, output) = await RunOnAsync(Header + $"\n   > Some.Package         1.0.0       1.0.0      {severity}       https://github.com/advisories/GHSA-xxxx\n");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Some.Package", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_NoFindings_Passes()
    {
        var (exitCode, output) = await RunOnAsync("The given project `ModelMonitor.Core` has no vulnerable packages given the current sources.\n");

        Assert.True(exitCode == 0, output);
        Assert.Contains("no High or Critical", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_FeedUnreachable_WarnsAndPasses()
    {
        var (exitCode, output) = await RunOnAsync("warning NU1900: Error occurred while getting package vulnerability data: Unable to load the service index for source https://api.nuget.org/v3/index.json.\n");

        Assert.True(exitCode == 0, output);
        Assert.Contains("warning: the vulnerability check could not complete", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestScript_RunsTheCheckAndKeepsTheSummaryLineLast()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "infra", "test.sh"));

        Assert.Contains("./infra/vulnerable-packages.sh || status=1", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("vulnerable-packages.sh", StringComparison.Ordinal) < text.IndexOf("echo \"tests: ${passed} passed, ${failed} failed\"", StringComparison.Ordinal));
    }
}
