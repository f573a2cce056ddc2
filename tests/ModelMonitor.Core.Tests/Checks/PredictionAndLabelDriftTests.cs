using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

public sealed class PredictionAndLabelDriftTests
{
    [Fact]
    public void PredictionDrift_NumericScores_UseTheScoreSketches()
    {
        WindowSummary reference = CheckData.Window(), current = CheckData.Window();
        foreach (double s in CheckData.Uniform(600, 1))
        {
            reference.Add(CheckData.Prediction(FieldValue.FromNumber(s)));
        }

        foreach (double s in CheckData.Uniform(500, 2, 0.2, 1.0))
        {
            current.Add(CheckData.Prediction(FieldValue.FromNumber(s)));
        }

        FeatureDriftReport f = DriftReports.PredictionDrift(reference, current, DriftPolicy.Default);

        Assert.Equal(DriftReports.PredictionName, f.Name);
        Assert.Equal(FeatureKind.Numeric, f.Kind);
        Assert.Equal(600, f.ReferenceCount);
        Assert.Equal(DriftMethod.KolmogorovSmirnov, f.Method);
        Assert.Equal(DriftStatus.Drifted, f.Status);
        Assert.InRange(f.Ks!.Statistic, 0.15, 0.25); // true D = 0.2
    }

    [Fact]
    public void PredictionDrift_Classes_AreCategorical()
    {
        WindowSummary reference = CheckData.Window(), current = CheckData.Window();
        CheckData.Add(reference, 300, () => CheckData.Prediction(FieldValue.FromString("cat")));
        CheckData.Add(reference, 300, () => CheckData.Prediction(FieldValue.FromString("dog")));
        CheckData.Add(current, 300, () => CheckData.Prediction(FieldValue.FromString("cat")));
        CheckData.Add(current, 300, () => CheckData.Prediction(FieldValue.FromString("dog")));

        FeatureDriftReport f = DriftReports.PredictionDrift(reference, current, DriftPolicy.Default);

        Assert.Equal(FeatureKind.Categorical, f.Kind);
        Assert.Equal(0.0, f.ChiSquare!.Statistic);
        Assert.Equal(DriftStatus.NoDrift, f.Status);
    }

    [Fact]
    public void PredictionDrift_NoPredictions_IsInsufficientData()
    {
        FeatureDriftReport f = DriftReports.PredictionDrift(CheckData.Window(), CheckData.Window(), DriftPolicy.Default);

        Assert.Equal(DriftStatus.InsufficientData, f.Status);
        Assert.Equal("No values in either window.", f.Note);
    }

    [Fact]
    public void LabelShift_BinaryLabels_IsAZTestOnThePositiveRate()
    {
        WindowSummary reference = CheckData.Window(), current = CheckData.Window();
        CheckData.Add(reference, 100, () => CheckData.Outcome(FieldValue.FromNumber(1), FieldValue.FromNumber(0.7)));
        CheckData.Add(reference, 400, () => CheckData.Outcome(FieldValue.FromNumber(0), FieldValue.FromNumber(0.2)));
        CheckData.Add(current, 160, () => CheckData.Outcome(FieldValue.FromNumber(1), FieldValue.FromNumber(0.7)));
        CheckData.Add(current, 340, () => CheckData.Outcome(FieldValue.FromNumber(0), FieldValue.FromNumber(0.2)));

        FeatureDriftReport f = DriftReports.LabelShift(reference, current, DriftPolicy.Default);

        ZTestResult z = TwoProportionZTest.Compute(100, 500, 160, 500);
        Assert.Equal(DriftReports.LabelName, f.Name);
        Assert.Equal(FeatureKind.Binary, f.Kind);
        Assert.Equal(new TestStatistic(z.Z, z.PValue), f.ZTest);
        Assert.Equal(DriftMethod.ZTest, f.Method);
        Assert.Equal(z.PValue, f.Score);
        Assert.Equal(DriftStatus.Drifted, f.Status);
    }

    [Fact]
    public void LabelShift_RegressionTargets_AreNumeric()
    {
        WindowSummary reference = CheckData.Window(), current = CheckData.Window();
        foreach (double y in CheckData.Normal(2000, 1, mean: 50, sd: 10))
        {
            reference.Add(CheckData.Outcome(FieldValue.FromNumber(y), FieldValue.FromNumber(50)));
        }

        foreach (double y in CheckData.Normal(2000, 2, mean: 55, sd: 10))
        {
            current.Add(CheckData.Outcome(FieldValue.FromNumber(y), FieldValue.FromNumber(50)));
        }

        FeatureDriftReport f = DriftReports.LabelShift(reference, current, DriftPolicy.Default);

        Assert.Equal(FeatureKind.Numeric, f.Kind);
        Assert.Equal(DriftMethod.Wasserstein, f.Method);
        Assert.Equal(f.WassersteinNormalized, f.Score);
        Assert.InRange(f.Score!.Value, 0.4, 0.6); // a 0.5σ shift
        Assert.Equal(DriftStatus.Drifted, f.Status);
    }
}
