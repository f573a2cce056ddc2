using System.Text.Json;
using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Build;

/// <summary>
/// The MSBuild switch between the inline Event Hubs trigger (local and CI builds, where the feed lacks the package) and
/// the official extension (deploy builds): the deploy side references the real package, and publishing the inline side
/// fails loudly instead of shipping an app whose trigger the host cannot bind.
/// </summary>
public sealed class EventHubsExtensionSwitchTests
{
    private const string Project = "functions/ModelMonitor.Functions/ModelMonitor.Functions.csproj";

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string Dotnet => ExternalTool.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH.");

    private static async Task<JsonElement> EvaluateAsync(string useInline)
    {
        var (exitCode, output) = await ExternalTool.RunAsync(Dotnet, "msbuild", Project, "-getItem:PackageReference", "-getItem:Compile", $"-p:UseInlineEventHubsBinding={useInline}");
        Assert.True(exitCode == 0, output);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.GetProperty("Items").Clone();
    }

    private static bool References(JsonElement items, string package) =>
        items.GetProperty("PackageReference").EnumerateArray().Any(p => p.GetProperty("Identity").GetString() == package);

    private static bool CompilesInlineAttribute(JsonElement items) =>
        items.GetProperty("Compile").EnumerateArray().Any(c => c.GetProperty("Identity").GetString()!.Replace('\\', '/').StartsWith("Bindings/", StringComparison.Ordinal));

    [Fact]
    public async Task DeployBuild_ReferencesTheOfficialExtension_AndDropsTheInlineAttribute()
    {
        var items = await EvaluateAsync("false");

        Assert.True(References(items, "Microsoft.Azure.Functions.Worker.Extensions.EventHubs"));
        Assert.False(CompilesInlineAttribute(items));
    }

    [Fact]
    public async Task LocalBuild_UsesTheInlineAttribute_WithoutTheMissingPackage()
    {
        var items = await EvaluateAsync("true");

        Assert.False(References(items, "Microsoft.Azure.Functions.Worker.Extensions.EventHubs"));
        Assert.True(CompilesInlineAttribute(items));
    }

    [Fact]
    public async Task PublishingTheInlineBuild_FailsWithAnExplicitError()
    {
        // The app was built by this test project's reference to it; publish without rebuilding.
        var output = Path.Combine(Path.GetTempPath(), $"mm-publish-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, log) = await ExternalTool.RunAsync(Dotnet, "publish", Project, "--no-build", "-c", Configuration, "-o", output);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("This build has no Event Hubs extension", log);
            Assert.Contains("-p:UseInlineEventHubsBinding=false", log);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
