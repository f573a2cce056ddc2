using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;

namespace ModelMonitor.Core.Tests.Configuration;

public sealed class CheckPolicyJsonTests
{
    [Fact]
    public void Parse_EmptyDocument_GivesTheDefaults()
    {
        CheckPolicyParseResult result = CheckPolicyJson.Parse("{}");

        Assert.True(result.IsValid);
        Assert.Equal(CheckPolicy.Default.DataQuality, result.Policy!.DataQuality);
        Assert.Equal(CheckPolicy.Default.Persistence, result.Policy.Persistence);
        Assert.Equal(CheckPolicy.Default.Drift.Defaults, result.Policy.Drift.Defaults);
        Assert.Empty(result.Policy.DisabledKinds);
    }

    [Fact]
    public void Parse_EverySection_SetsThePolicy()
    {
        const string Json = """
            {
              "minimumAlertSeverity": "error",
              "disabledKinds": ["label-shift"],
              "persistence": { "required": 3, "window": 4, "immediateSeverity": "error", "escalateWhenSustained": false },
              "dataQuality": { "significance": 0.0001, "minRateRatio": 3 },
              "drift": { "alpha": 0.01, "features": { "amount": { "numericDistanceThreshold": 0.3 } } }
            }
            """;

        CheckPolicy policy = CheckPolicyJson.Parse(Json).Policy!;

        Assert.Equal(Severity.Error, policy.MinimumAlertSeverity);
        Assert.Equal(["label-shift"], policy.DisabledKinds);
        Assert.Equal(new PersistencePolicy(3, 4, Severity.Error, escalateWhenSustained: false), policy.Persistence);
        Assert.Equal(0.0001, policy.DataQuality.Significance);
        Assert.Equal(3, policy.DataQuality.MinRateRatio);
        Assert.Equal(0.01, policy.Drift.Defaults.Alpha);
        Assert.Equal(0.3, policy.Drift.ForFeature("amount").NumericDistanceThreshold);
        Assert.Equal(0.01, policy.Drift.ForFeature("amount").Alpha); // a feature override starts from the model's defaults
    }

    [Fact]
    public void Parse_BadValues_ReportsEveryPathAndReason()
    {
        const string Json = """
            { "minimumAlertSeverity": "loud", "disabledKinds": ["nope"], "persistence": { "required": "two" },
              "dataQuality": { "significance": 2, "typo": 1 }, "extra": true }
            """;

        CheckPolicyParseResult result = CheckPolicyJson.Parse(Json);

        Assert.False(result.IsValid);
        Assert.Null(result.Policy);
        Assert.Contains(result.Errors, e => e.StartsWith("$.minimumAlertSeverity: must be one of", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("$.disabledKinds[0]: unknown alert kind", StringComparison.Ordinal));
        Assert.Contains("$.persistence.required: must be an integer", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("$.dataQuality.typo: unknown setting", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("$.extra: unknown setting", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OutOfRangeValue_NamesThePathFromTheConstructor()
    {
        CheckPolicyParseResult result = CheckPolicyJson.Parse("""{ "dataQuality": { "significance": 2 } }""");

        string error = Assert.Single(result.Errors);
        Assert.StartsWith("$.dataQuality.significance:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_IsAnErrorNotAnException() =>
        Assert.StartsWith("$: not valid JSON", Assert.Single(CheckPolicyJson.Parse("{ nope").Errors), StringComparison.Ordinal);

    [Fact]
    public void Merge_ModelDocumentOverridesTheDefaultsLeafByLeaf()
    {
        const string Defaults = """{ "persistence": { "required": 3, "window": 5 }, "dataQuality": { "minRateRatio": 4 } }""";
        const string Model = """{ "persistence": { "required": 2 } }""";

        CheckPolicy policy = CheckPolicyJson.Merge(Defaults, Model).Policy!;

        Assert.Equal(2, policy.Persistence.Required);
        Assert.Equal(5, policy.Persistence.Window);
        Assert.Equal(4, policy.DataQuality.MinRateRatio);
    }
}
