namespace ModelMonitor.Core.Summaries;

/// <summary>
/// Labelled outcomes of one slice (one value of one categorical feature carried on outcome events): enough to compare
/// accuracy and mean absolute error per slice. Sums only, so slices merge exactly.
/// </summary>
public sealed class SliceQuality
{
    /// <summary>Outcomes with a class label and a predicted class (or a binary score).</summary>
    public long Classified { get; internal set; }

    public long Correct { get; internal set; }

    /// <summary>Outcomes with a numeric label and a numeric prediction.</summary>
    public long Regressed { get; internal set; }

    public double SumAbsError { get; internal set; }

    public double? Accuracy => Classified == 0 ? null : (double)Correct / Classified;

    public double? MeanAbsoluteError => Regressed == 0 ? null : SumAbsError / Regressed;

    public void Merge(SliceQuality other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Classified += other.Classified;
        Correct += other.Correct;
        Regressed += other.Regressed;
        SumAbsError += other.SumAbsError;
    }

    public SliceQuality Clone()
    {
        var copy = new SliceQuality();
        copy.Merge(this);
        return copy;
    }
}
