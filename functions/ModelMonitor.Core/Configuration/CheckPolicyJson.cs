using System.Text.Json;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Configuration;

/// <summary>
/// The validated JSON shape of a model's "checks" section (<see cref="ConfigSections.Checks"/>). Every property is
/// optional; what is absent keeps the default of <see cref="CheckPolicy.Default"/>. Unknown properties are errors, so a
/// typo never silently falls back to a default.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "minimumAlertSeverity": "warning",                 // info | warning | error | critical
///   "disabledKinds": ["label-shift"],                  // AlertKind names
///   "persistence": { "required": 2, "window": 3, "immediateSeverity": "critical", "escalateWhenSustained": true },
///   "dataQuality": { "missingRateIncrease": 0.1, "outOfRangeShare": 0.05, "unseenCategoryShare": 0.05,
///                    "significance": 0.001, "minNonFiniteIncrease": 0.001, "minRateRatio": 2,
///                    "criticalRateIncrease": 0.1, "minSampleSize": 100 },
///   "drift": { "alpha": 0.05, "numericDistanceThreshold": 0.1, "categoricalDistanceThreshold": 0.1,
///              "minSampleSize": 100, "datasetDriftShare": 0.5,
///              "features": { "amount": { "alpha": 0.01, "numericDistanceThreshold": 0.2 } } },
///   "operational": { … },                              // OperationalPolicyJson (the operational checks' timer)
///   "abuse": { … }                                     // AbusePolicyJson (the abuse checks' timer)
/// }
/// </code>
/// A model's document is read over the "*" defaults document by <see cref="Merge"/> (the model's values win).
/// </remarks>
public static class CheckPolicyJson
{
    /// <summary>The model id whose document holds the defaults of every model.</summary>
    public const string DefaultsModelId = "*";

    /// <summary>Member holding the operational checks' policy, validated by <see cref="OperationalPolicyJson"/>.</summary>
    public const string OperationalMember = "operational";

    /// <summary>Member holding the abuse checks' policy, validated by <see cref="AbusePolicyJson"/>.</summary>
    public const string AbuseMember = "abuse";

    private static readonly string[] TopLevel = ["minimumAlertSeverity", "disabledKinds", "persistence", "dataQuality", "drift", OperationalMember, AbuseMember];
    private static readonly string[] PersistenceNames = ["required", "window", "immediateSeverity", "escalateWhenSustained"];
    private static readonly string[] DataQualityNames =
        ["missingRateIncrease", "outOfRangeShare", "unseenCategoryShare", "significance", "minNonFiniteIncrease", "minRateRatio", "criticalRateIncrease", "minSampleSize"];
    private static readonly string[] FeatureDriftNames = ["alpha", "numericDistanceThreshold", "categoricalDistanceThreshold", "minSampleSize"];
    private static readonly string[] DriftNames = [.. FeatureDriftNames, "datasetDriftShare", "features"];

    /// <summary>Parses one document (null or empty: all defaults).</summary>
    public static CheckPolicyParseResult Parse(string? json) => Parse(json is null ? [] : [json]);

    /// <summary>
    /// Parses documents in increasing precedence (e.g. the "*" defaults, then the model's own) into one policy: a
    /// property set in a later document replaces the earlier one; per-feature drift settings merge by feature.
    /// </summary>
    public static CheckPolicyParseResult Parse(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var errors = new List<string>();
        var merged = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var documentsToDispose = new List<JsonDocument>();
        try
        {
            foreach (string json in documents.Where(d => !string.IsNullOrWhiteSpace(d)))
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(json);
                }
                catch (JsonException ex)
                {
                    errors.Add($"$: not valid JSON ({ex.Message})");
                    continue;
                }

                documentsToDispose.Add(document);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add("$: must be an object");
                    continue;
                }

                Flatten(document.RootElement, "$", merged);
            }

            CheckPolicy? policy = errors.Count == 0 ? Build(merged, errors) : null;
            return errors.Count == 0 ? new CheckPolicyParseResult(policy, []) : new CheckPolicyParseResult(null, errors);
        }
        finally
        {
            foreach (JsonDocument document in documentsToDispose)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>The effective policy of a model: its own document over the "*" defaults document (either may be null).</summary>
    public static CheckPolicyParseResult Merge(string? defaultsDocument, string? modelDocument) =>
        Parse([.. new[] { defaultsDocument, modelDocument }.OfType<string>()]);

    // Objects are flattened to paths ("$.drift.features.amount.alpha"), so later documents override leaf by leaf.
    private static void Flatten(JsonElement element, string path, Dictionary<string, JsonElement> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            into[path] = element;
            foreach (JsonProperty property in element.EnumerateObject())
            {
                Flatten(property.Value, $"{path}.{property.Name}", into);
            }
        }
        else
        {
            into[path] = element.Clone();
        }
    }

    private static CheckPolicy? Build(Dictionary<string, JsonElement> values, List<string> errors)
    {
        RejectUnknown(values, "$", TopLevel, errors);
        RejectUnknown(values, "$.persistence", PersistenceNames, errors);
        RejectUnknown(values, "$.dataQuality", DataQualityNames, errors);
        RejectUnknown(values, "$.drift", DriftNames, errors);
        // The runners of these members read them on their own; validated here so one document is judged whole.
        Member(values, OperationalMember, json => OperationalPolicyJson.TryParse(json, out var error) is null ? error : null, errors);
        Member(values, AbuseMember, json => AbusePolicyJson.TryParse(json, out var error) is null ? error : null, errors);
        var reader = new CheckPolicyJsonReader(values, errors);
        Severity minimum = reader.Severity("$.minimumAlertSeverity", Severity.Warning);
        List<string> disabled = reader.Kinds("$.disabledKinds");
        PersistencePolicy? persistence = reader.Build("$.persistence", () => new PersistencePolicy(
            reader.Int("$.persistence.required", PersistencePolicy.DefaultRequired),
            reader.Int("$.persistence.window", PersistencePolicy.DefaultWindow),
            reader.Severity("$.persistence.immediateSeverity", Severity.Critical),
            reader.Bool("$.persistence.escalateWhenSustained", true)));
        DataQualityPolicy? dataQuality = reader.Build("$.dataQuality", () => new DataQualityPolicy(
            missingRateIncrease: reader.Number("$.dataQuality.missingRateIncrease", DataQualityPolicy.DefaultMissingRateIncrease),
            outOfRangeShare: reader.Number("$.dataQuality.outOfRangeShare", DataQualityPolicy.DefaultOutOfRangeShare),
            unseenCategoryShare: reader.Number("$.dataQuality.unseenCategoryShare", DataQualityPolicy.DefaultUnseenCategoryShare),
            minSampleSize: reader.Int("$.dataQuality.minSampleSize", (int)DataQualityPolicy.DefaultMinSampleSize),
            significance: reader.Number("$.dataQuality.significance", DataQualityPolicy.DefaultSignificance),
            minNonFiniteIncrease: reader.Number("$.dataQuality.minNonFiniteIncrease", DataQualityPolicy.DefaultMinNonFiniteIncrease),
            minRateRatio: reader.Number("$.dataQuality.minRateRatio", DataQualityPolicy.DefaultMinRateRatio),
            criticalRateIncrease: reader.Number("$.dataQuality.criticalRateIncrease", DataQualityPolicy.DefaultCriticalRateIncrease)));
        FeatureDriftPolicy? defaults = reader.Build("$.drift", () => FeatureDrift(reader, "$.drift", FeatureDriftPolicy.Default));
        var overrides = new Dictionary<string, FeatureDriftPolicy>(StringComparer.Ordinal);
        if (values.TryGetValue("$.drift.features", out JsonElement features))
        {
            if (features.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$.drift.features: must be an object of feature names");
            }
            else
            {
                foreach (string name in features.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal))
                {
                    string path = $"$.drift.features.{name}";
                    RejectUnknown(values, path, FeatureDriftNames, errors);
                    FeatureDriftPolicy? feature = reader.Build(path, () => FeatureDrift(reader, path, defaults ?? FeatureDriftPolicy.Default));
                    if (feature is not null)
                    {
                        overrides[name] = feature;
                    }
                }
            }
        }

        DriftPolicy? drift = reader.Build("$.drift", () => new DriftPolicy(
            defaults,
            datasetDriftShare: reader.Number("$.drift.datasetDriftShare", DriftPolicy.DefaultDatasetDriftShare),
            featureOverrides: overrides));
        if (errors.Count > 0)
        {
            return null;
        }

        return reader.Build("$", () => new CheckPolicy(drift, dataQuality, null, minimum, persistence, disabled));
    }

    private static FeatureDriftPolicy FeatureDrift(CheckPolicyJsonReader reader, string path, FeatureDriftPolicy basis) => new(
        minSampleSize: reader.Int($"{path}.minSampleSize", (int)basis.MinSampleSize),
        maxReferenceSizeForTests: basis.MaxReferenceSizeForTests,
        alpha: reader.Number($"{path}.alpha", basis.Alpha),
        numericDistanceThreshold: reader.Number($"{path}.numericDistanceThreshold", basis.NumericDistanceThreshold),
        categoricalDistanceThreshold: reader.Number($"{path}.categoricalDistanceThreshold", basis.CategoricalDistanceThreshold),
        wassersteinStdFloor: basis.WassersteinStdFloor,
        requireSignificantDistance: basis.RequireSignificantDistance);

    private static void Member(Dictionary<string, JsonElement> values, string name, Func<string, string?> validate, List<string> errors)
    {
        if (values.TryGetValue($"$.{name}", out JsonElement element) && validate(element.GetRawText()) is { } error)
        {
            errors.Add($"$.{name}: {error}");
        }
    }

    private static void RejectUnknown(Dictionary<string, JsonElement> values, string path, string[] known, List<string> errors)
    {
        if (!values.TryGetValue(path, out JsonElement element))
        {
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be an object");
            return;
        }

        foreach (JsonProperty property in element.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add($"{path}.{property.Name}: unknown setting (known: {string.Join(", ", known)})");
        }
    }
}
