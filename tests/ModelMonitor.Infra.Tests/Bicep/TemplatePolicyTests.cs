using System.Text.RegularExpressions;
using ModelMonitor.Infra.Tests.Settings;
using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Bicep;

/// <summary>Rules the linter cannot express: no registry modules, no key listing, no keys in app settings.</summary>
[Collection(BicepCollection.Name)]
public sealed partial class TemplatePolicyTests(BicepBuildFixture fixture)
{
    [Fact]
    public void Sources_ReferenceNoRegistryModules()
    {
        // br:/br/public: and ts: modules need a registry download; the build must work offline.
        var offenders = RepositoryLayout.BicepFiles()
            .Where(file => RegistryModule().IsMatch(File.ReadAllText(RepositoryLayout.InBicepDirectory(file))))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void CompiledMainTemplate_CallsNoListFunction()
    {
        // listKeys, listConnectionStrings, listAccountSas, …: every connection is identity-based.
        var json = File.ReadAllText(fixture.CompiledTemplatePath("main.bicep"));
        var calls = ListFunctionCall().Matches(json).Select(match => match.Value).Distinct().ToList();
        Assert.Empty(calls);
    }

    [Fact]
    public void AppSettings_HoldNoKeysOrKeyedConnectionStrings()
    {
        using var template = fixture.LoadMainTemplate();
        var settings = BicepAppSettings.Read(template.RootElement);
        var keyed = settings.All
            .Where(setting => setting.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
                || setting.Value.Contains("SharedAccessKey", StringComparison.OrdinalIgnoreCase))
            .Select(setting => setting.Key)
            .ToList();
        Assert.Empty(keyed);
    }

    [GeneratedRegex(@"['""](br|br/public|ts):", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryModule();

    [GeneratedRegex(@"\blist[A-Za-z]*\(")]
    private static partial Regex ListFunctionCall();
}
