using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Core.Tests.Rollbacks;

/// <summary>The <c>autoRollback</c> section of a target: parsing, validation and matching.</summary>
public sealed class AutoRollbackPolicyTests
{
    private static string Target(string autoRollback) => $$"""
        {"targets":{"fraud":{"subscriptionId":"s","resourceGroup":"rg","site":"fraud-api","productionBaseUrl":"https://p.example",
          "standbyBaseUrl":"https://s.example","goldenExamples":"g.jsonl"{{autoRollback}} } } }
        """;

    [Fact]
    public void Parse_NoSection_MeansNoAutoRollback() =>
        Assert.Null(RollbackConfigParser.Parse(Target("")).Config!.Targets["fraud"].AutoRollback);

    [Fact]
    public void Parse_OnlyKinds_DefaultsToCriticalAndDryRun()
    {
        var policy = RollbackConfigParser.Parse(Target(""","autoRollback":{"kinds":["model-quality"]}""")).Config!.Targets["fraud"].AutoRollback!;

        Assert.Equal(["model-quality"], policy.Kinds);
        Assert.Equal((Severity.Critical, true), (policy.MinSeverity, policy.DryRun));
    }

    [Fact]
    public void Parse_EveryField_IsRead()
    {
        var policy = RollbackConfigParser.Parse(Target(""","autoRollback":{"kinds":["model-quality/recall","error-rate"],"minSeverity":"error","dryRun":false}""")).Config!.Targets["fraud"].AutoRollback!;

        Assert.Equal(["model-quality/recall", "error-rate"], policy.Kinds);
        Assert.Equal((Severity.Error, false), (policy.MinSeverity, policy.DryRun));
    }

    [Theory]
    [InlineData(""","autoRollback":{}""", "$.targets.fraud.autoRollback.kinds: required")]
    [InlineData(""","autoRollback":{"kinds":[]}""", "$.targets.fraud.autoRollback.kinds: required")]
    [InlineData(""","autoRollback":{"kinds":["recall"]}""", "$.targets.fraud.autoRollback.kinds[0]: expected one of")]
    [InlineData(""","autoRollback":{"kinds":["model-quality/"]}""", "$.targets.fraud.autoRollback.kinds[0]: expected one of")]
    [InlineData(""","autoRollback":{"kinds":["model-quality"],"minSeverity":"high"}""", "$.targets.fraud.autoRollback.minSeverity: expected one of info|warning|error|critical")]
    [InlineData(""","autoRollback":{"kinds":["model-quality"],"dryRun":"yes"}""", "$.targets.fraud.autoRollback.dryRun: expected true or false")]
    [InlineData(""","autoRollback":{"kinds":["model-quality"],"dryrun":false}""", "$.targets.fraud.autoRollback.dryrun: unknown property")]
    [InlineData(""","autoRollback":true""", "$.targets.fraud.autoRollback: expected an object")]
    public void Parse_BadSection_IsRefusedSayingWhere(string section, string error)
    {
        var result = RollbackConfigParser.Parse(Target(section));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("model-quality", "recall", Severity.Critical, true)]
    [InlineData("model-quality", "precision", Severity.Critical, true)]
    [InlineData("model-quality", "recall", Severity.Error, false)]
    [InlineData("feature-drift", null, Severity.Critical, false)]
    public void Matches_KindAndSeverity(string kind, string? subkind, Severity severity, bool expected) =>
        Assert.Equal(expected, new AutoRollbackPolicy(["model-quality"]).Matches(kind, subkind, severity));

    [Theory]
    [InlineData("recall", true)]
    [InlineData("precision", false)]
    [InlineData(null, false)]
    public void Matches_KindWithSubkind_OnlyThatSubkind(string? subkind, bool expected) =>
        Assert.Equal(expected, new AutoRollbackPolicy(["model-quality/recall"], Severity.Warning).Matches("model-quality", subkind, Severity.Critical));
}
