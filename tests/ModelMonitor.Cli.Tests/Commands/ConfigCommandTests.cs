using ModelMonitor.Cli.Tests.Infrastructure;

namespace ModelMonitor.Cli.Tests.Commands;

public sealed class ConfigCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static async Task<string> FileAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }

    [Fact]
    public async Task SetThenGet_ValidChecksPolicy_IsStoredAndReadBack()
    {
        var model = azurite.NewModelId();
        var file = await FileAsync("""{ "minimumAlertSeverity": "error", "operational": { "retired": true } }""");

        var set = await CliRun.InvokeAsync("config", "set", "--model", model, "--section", "checks", "--file", file);
        var get = await CliRun.InvokeAsync("config", "get", "--model", model, "--section", "checks");
        var all = await CliRun.InvokeAsync("config", "get", "--model", model);

        Assert.Equal(0, set.ExitCode);
        Assert.Equal(0, get.ExitCode);
        Assert.Equal("""{"minimumAlertSeverity":"error","operational":{"retired":true}}""", get.Stdout.Trim());
        Assert.Equal("""{"checks":{"minimumAlertSeverity":"error","operational":{"retired":true}}}""", all.Stdout.Trim());
    }

    [Theory]
    [InlineData("checks", """{ "persistence": { "required": 9, "window": 3 } }""", "persistence")]
    [InlineData("checks", """{ "minimumAlertSeverity": "loud" }""", "minimumAlertSeverity")]
    [InlineData("checks", """{ "operational": { "silence": { "alpha": 7 } } }""", "$.operational")]
    [InlineData("notifications", """{ "subscriptions": 5 }""", "subscriptions")]
    [InlineData("rollback", """{ "nonsense": true }""", "nonsense")]
    [InlineData("checks", "{ not json", "not valid JSON")]
    public async Task Set_InvalidDocument_ExitsTwoWithTheParsersMessage_AndWritesNothing(string section, string json, string expected)
    {
        var model = azurite.NewModelId();

        var set = await CliRun.InvokeAsync("config", "set", "--model", model, "--section", section, "--file", await FileAsync(json));
        var get = await CliRun.InvokeAsync("config", "get", "--model", model, "--section", section);

        Assert.Equal(2, set.ExitCode);
        Assert.Contains(expected, set.Stderr, StringComparison.Ordinal);
        Assert.Equal("null", get.Stdout.Trim());
    }

    [Fact]
    public async Task Set_InvalidDocumentOverAValidOne_KeepsTheValidOne()
    {
        var model = azurite.NewModelId();
        await CliRun.InvokeAsync("config", "set", "--model", model, "--section", "checks", "--file", await FileAsync("""{"minimumAlertSeverity":"error"}"""));

        var bad = await CliRun.InvokeAsync("config", "set", "--model", model, "--section", "checks", "--file", await FileAsync("""{"minimumAlertSeverity":"loud"}"""));
        var get = await CliRun.InvokeAsync("config", "get", "--model", model, "--section", "checks");

        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("""{"minimumAlertSeverity":"error"}""", get.Stdout.Trim());
    }

    [Fact]
    public async Task Get_UnknownSection_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("config", "get", "--model", azurite.NewModelId(), "--section", "thresholds");

        Assert.Equal(2, run.ExitCode);
    }
}
