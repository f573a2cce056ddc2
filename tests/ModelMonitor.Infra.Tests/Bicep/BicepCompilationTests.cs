using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Bicep;

/// <summary>
/// Every Bicep and parameter file compiles and lints with no error and no warning, using the real CLI offline.
/// bicepconfig.json raises the important linter rules to errors; an unknown resource type or API version (BCP081)
/// is a warning and fails here too.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class BicepCompilationTests(BicepBuildFixture fixture)
{
    public static TheoryData<string> BicepFiles => ToTheoryData(RepositoryLayout.BicepFiles());

    public static TheoryData<string> ParameterFiles => ToTheoryData(RepositoryLayout.ParameterFiles());

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Build_BicepFile_CompilesWithoutErrorsOrWarnings(string file)
    {
        AssertNoErrorsOrWarnings(fixture.Build, file);
        Assert.True(File.Exists(fixture.CompiledTemplatePath(file)), $"bicep build wrote no template for {file}.\n{fixture.Build.Transcript}");
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lint_BicepFile_ReportsNoErrorsOrWarnings(string file) => AssertNoErrorsOrWarnings(fixture.Lint, file);

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void BuildParams_ParameterFile_CompilesWithoutErrorsOrWarnings(string file)
    {
        AssertNoErrorsOrWarnings(fixture.BuildParams, file);
        Assert.True(File.Exists(fixture.CompiledParametersPath(file)), $"bicep build-params wrote nothing for {file}.\n{fixture.BuildParams.Transcript}");
    }

    [Fact]
    public void Runs_Succeed_WithNoDiagnosticsOrOtherOutput()
    {
        foreach (var run in fixture.Runs)
        {
            Assert.True(
                run.ExitCode == 0 && !run.Diagnostics.Any(d => d.IsErrorOrWarning) && run.OtherOutput.Count == 0,
                $"Expected a clean run.\n{run.Transcript}");
        }
    }

    [Fact]
    public void BicepFolder_HasTheEntryPointModulesAndBothEnvironments()
    {
        Assert.Contains("main.bicep", RepositoryLayout.BicepFiles());
        Assert.Contains("modules/roles.bicep", RepositoryLayout.BicepFiles());
        Assert.Equal(["main.dev.bicepparam", "main.prod.bicepparam"], RepositoryLayout.ParameterFiles());
    }

    private static void AssertNoErrorsOrWarnings(BicepRun run, string file)
    {
        var fullPath = RepositoryLayout.InBicepDirectory(file);
        var findings = run.Diagnostics.Where(d => d.IsErrorOrWarning && d.IsFor(fullPath)).ToList();
        // Only this file's diagnostics: one broken module should not fail every file. Exit codes and output that
        // belongs to no file are checked by Runs_Succeed_WithNoDiagnosticsOrOtherOutput.
        Assert.True(findings.Count == 0, $"{file}: {findings.Count} error(s)/warning(s).\n{run.Transcript}");
    }

    private static TheoryData<string> ToTheoryData(IEnumerable<string> files)
    {
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }
}
