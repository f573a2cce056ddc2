namespace ModelMonitor.Core.Checks;

/// <summary>Classification quality of one window, from its confusion counts.</summary>
/// <param name="Count">Labelled predictions in the tracked confusion cells.</param>
/// <param name="Correct">Of which predicted correctly.</param>
/// <param name="Accuracy">Correct / Count.</param>
/// <param name="Classes">Per class, over the union of actual and predicted classes, in ordinal order.</param>
/// <param name="MacroPrecision">Unweighted mean over <paramref name="Classes"/>, an undefined precision counting 0 (as scikit-learn's zero_division=0).</param>
/// <param name="MacroRecall">Same, for recall.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1.</param>
/// <param name="Untracked">Labelled predictions beyond the confusion table's cell limit (not in any metric).</param>
public sealed record ClassificationQuality(
    long Count,
    long Correct,
    double Accuracy,
    IReadOnlyList<ClassQuality> Classes,
    double MacroPrecision,
    double MacroRecall,
    double MacroF1,
    long Untracked);
