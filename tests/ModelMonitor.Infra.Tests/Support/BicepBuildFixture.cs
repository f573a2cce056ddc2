using System.Text.Json;

namespace ModelMonitor.Infra.Tests.Support;

/// <summary>
/// Runs the Bicep CLI once per test run over the whole bicep/ folder: <c>build</c> and <c>lint</c> on every
/// <c>.bicep</c> file and <c>build-params</c> on every <c>.bicepparam</c> file (glob patterns, one process each, which
/// keeps the suite fast on a small machine). Compiled output goes to a temporary folder, never into the repository.
/// </summary>
public sealed class BicepBuildFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("modelmonitor-bicep-");

    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    internal BicepRun BuildParams { get; private set; } = null!;

    internal IEnumerable<BicepRun> Runs => [Build, Lint, BuildParams];

    private string TemplatesDirectory => Path.Combine(_output.FullName, "templates");

    private string ParametersDirectory => Path.Combine(_output.FullName, "parameters");

    public async Task InitializeAsync()
    {
        var bicep = RepositoryLayout.BicepDirectory;
        Build = await BicepCli.RunAsync(bicep, ["build", "--pattern", "**/*.bicep", "--outdir", TemplatesDirectory]);
        Lint = await BicepCli.RunAsync(bicep, ["lint", "--pattern", "**/*.bicep"]);
        BuildParams = await BicepCli.RunAsync(bicep, ["build-params", "--pattern", "**/*.bicepparam", "--outdir", ParametersDirectory]);
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Where <c>build</c> wrote the ARM JSON of a .bicep file given relative to bicep/.</summary>
    internal string CompiledTemplatePath(string relativeBicepPath) =>
        Path.Combine(TemplatesDirectory, Path.ChangeExtension(relativeBicepPath, ".json"));

    /// <summary>Where <c>build-params</c> wrote the parameters JSON of a .bicepparam file given relative to bicep/.</summary>
    internal string CompiledParametersPath(string relativeParamPath) =>
        Path.Combine(ParametersDirectory, Path.ChangeExtension(relativeParamPath, ".json"));

    /// <summary>The compiled main.bicep (modules inlined as nested deployments).</summary>
    internal JsonDocument LoadMainTemplate()
    {
        var path = CompiledTemplatePath("main.bicep");
        Assert.True(File.Exists(path), $"main.bicep did not compile.\n{Build.Transcript}");
        return JsonDocument.Parse(File.ReadAllText(path));
    }
}
