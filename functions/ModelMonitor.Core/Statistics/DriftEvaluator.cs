namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Pure drift decision for a model's features under a <see cref="DriftPolicy"/>.
/// </summary>
/// <remarks>
/// Per feature (with its effective <see cref="FeatureDriftPolicy"/>):
/// <list type="number">
/// <item>Either side smaller than <see cref="FeatureDriftPolicy.MinSampleSize"/> → InsufficientData (never drift,
/// no score). Empty windows land here.</item>
/// <item>Reference size ≤ <see cref="FeatureDriftPolicy.MaxReferenceSizeForTests"/> → hypothesis test: KS (numeric),
/// chi-square (categorical), pooled z (binary). The p-values of all features decided by a test are adjusted together
/// with the policy's correction (the family is the model's tested features); drift when adjusted p &lt; α.</item>
/// <item>Larger reference → effect size: normalized Wasserstein (numeric) or Jensen–Shannon distance (categorical,
/// binary); drift when distance ≥ threshold and (by default, <see cref="FeatureDriftPolicy.RequireSignificantDistance"/>)
/// the feature's test rejects at α uncorrected. Distances are not part of the multiple-testing family.</item>
/// </list>
/// Dataset drift: drifted / decided ≥ <see cref="DriftPolicy.DatasetDriftShare"/> with at least one decided feature.
/// Constant columns and degenerate tables give neutral finite scores (p = 1 or distance 0), never NaN.
/// </remarks>
public static class DriftEvaluator
{
    public static DatasetDriftResult Evaluate(IReadOnlyList<FeatureDriftInput> features, DriftPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(policy);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var results = new FeatureDriftResult[features.Count];
        var tested = new List<int>();
        var rawPValues = new List<double>();

        for (int i = 0; i < features.Count; i++)
        {
            FeatureDriftInput feature = features[i] ?? throw new ArgumentException("Features must not be null.", nameof(features));
            if (!names.Add(feature.Name))
            {
                throw new ArgumentException($"Duplicate feature name '{feature.Name}'.", nameof(features));
            }

            FeatureDriftPolicy featurePolicy = policy.ForFeature(feature.Name);
            bool useTest = feature.ReferenceSize <= featurePolicy.MaxReferenceSizeForTests;
            string method = MethodFor(feature.Kind, useTest);
            double threshold = useTest ? featurePolicy.Alpha
                : feature.Kind == FeatureKind.Numeric ? featurePolicy.NumericDistanceThreshold
                : featurePolicy.CategoricalDistanceThreshold;
            var result = new FeatureDriftResult(
                feature.Name, feature.Kind, method, threshold, Score: null, Statistic: null, PValue: null, Drifted: false,
                DriftStatus.InsufficientData, feature.ReferenceSize, feature.CurrentSize);

            if (feature.ReferenceSize < featurePolicy.MinSampleSize || feature.CurrentSize < featurePolicy.MinSampleSize)
            {
                results[i] = result;
            }
            else if (useTest)
            {
                (double statistic, double p) = Test(feature);
                results[i] = result with { Statistic = statistic, PValue = p };
                tested.Add(i);
                rawPValues.Add(p);
            }
            else
            {
                double distance = Distance(feature, featurePolicy);
                bool drifted = distance >= threshold;
                double? pValue = null;
                if (drifted && featurePolicy.RequireSignificantDistance)
                {
                    // Effect size and significance: sampling noise in a small current window, and the sketches' rank
                    // error, inflate distances; a shift the test cannot tell from noise is not reported as drift.
                    pValue = Test(feature).PValue;
                    drifted = pValue < featurePolicy.Alpha;
                }

                results[i] = result with
                {
                    Score = distance,
                    Statistic = distance,
                    PValue = pValue,
                    Drifted = drifted,
                    Status = drifted ? DriftStatus.Drifted : DriftStatus.NoDrift,
                };
            }
        }

        double[] adjusted = MultipleTesting.Adjust(rawPValues.ToArray(), policy.Correction);
        for (int k = 0; k < tested.Count; k++)
        {
            FeatureDriftResult r = results[tested[k]];
            bool drifted = adjusted[k] < r.Threshold;
            results[tested[k]] = r with
            {
                Score = adjusted[k],
                Drifted = drifted,
                Status = drifted ? DriftStatus.Drifted : DriftStatus.NoDrift,
            };
        }

        int decided = results.Count(r => r.Status != DriftStatus.InsufficientData);
        int driftedCount = results.Count(r => r.Status == DriftStatus.Drifted);
        double share = decided == 0 ? 0.0 : (double)driftedCount / decided;
        return new DatasetDriftResult(results, decided, driftedCount, share, decided > 0 && share >= policy.DatasetDriftShare, policy.Correction);
    }

    private static string MethodFor(FeatureKind kind, bool useTest) => (kind, useTest) switch
    {
        (FeatureKind.Numeric, true) => DriftMethod.KolmogorovSmirnov,
        (FeatureKind.Numeric, false) => DriftMethod.Wasserstein,
        (FeatureKind.Categorical, true) => DriftMethod.ChiSquare,
        (FeatureKind.Binary, true) => DriftMethod.ZTest,
        (_, false) => DriftMethod.JensenShannon,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feature kind."),
    };

    private static (double Statistic, double PValue) Test(FeatureDriftInput feature)
    {
        switch (feature.Kind)
        {
            case FeatureKind.Numeric:
                KolmogorovSmirnovResult ks = feature.ReferenceWeights.IsEmpty && feature.CurrentWeights.IsEmpty
                    ? KolmogorovSmirnov.TwoSampleSorted(feature.ReferenceValues.Span, feature.CurrentValues.Span)
                    : KolmogorovSmirnov.TwoSampleWeighted(
                        feature.ReferenceValues.Span,
                        feature.ReferenceWeights.Span,
                        feature.CurrentValues.Span,
                        feature.CurrentWeights.Span,
                        feature.ReferenceSize,
                        feature.CurrentSize);
                return (ks.Statistic, ks.PValue);
            case FeatureKind.Categorical:
                ChiSquareResult chi = ChiSquareTest.Homogeneity(feature.ReferenceCounts.Span, feature.CurrentCounts.Span);
                return (chi.Statistic, chi.PValue);
            default:
                ReadOnlySpan<double> r = feature.ReferenceCounts.Span, c = feature.CurrentCounts.Span;
                ZTestResult z = TwoProportionZTest.Compute((long)r[1], (long)(r[0] + r[1]), (long)c[1], (long)(c[0] + c[1]));
                return (z.Z, z.PValue);
        }
    }

    private static double Distance(FeatureDriftInput feature, FeatureDriftPolicy policy)
    {
        if (feature.Kind != FeatureKind.Numeric)
        {
            return JensenShannon.Distance(feature.ReferenceCounts.Span, feature.CurrentCounts.Span);
        }

        double w = feature.Wasserstein ?? WassersteinDistance.ComputeSorted(
            feature.ReferenceValues.Span, feature.ReferenceWeights.Span, feature.CurrentValues.Span, feature.CurrentWeights.Span);
        double sigma = feature.ReferenceStandardDeviation
            ?? WassersteinDistance.StandardDeviation(feature.ReferenceValues.Span, feature.ReferenceWeights.Span);
        return WassersteinDistance.Normalize(w, sigma, policy.WassersteinStdFloor);
    }
}
