namespace ModelMonitor.Core.Checks;

/// <summary>Per-class classification quality from the confusion counts.</summary>
/// <param name="Class">Class name as it appears in labels and predictions.</param>
/// <param name="Support">Outcomes whose actual class is this one.</param>
/// <param name="Predicted">Outcomes predicted as this class.</param>
/// <param name="TruePositives">Outcomes both actually and predicted this class.</param>
/// <param name="Precision">TP / Predicted; null when the class was never predicted.</param>
/// <param name="Recall">TP / Support; null when the class never occurred.</param>
/// <param name="F1">2·TP / (Predicted + Support): the harmonic mean of precision and recall, 0 when either is 0 or undefined.</param>
public sealed record ClassQuality(string Class, long Support, long Predicted, long TruePositives, double? Precision, double? Recall, double F1);
