using System.Globalization;

namespace ModelMonitor.Client;

/// <summary>
/// A model output or an observed label: a number (score, regression output) or a string (class label).
/// Converts implicitly from <see cref="double"/> and <see cref="string"/>; a null string converts to a null
/// <c>PredictionValue?</c>, so an absent label is simply omitted.
/// </summary>
/// <remarks>
/// Unlike a feature value, a prediction must be a finite number and a label a non-empty string: the events
/// that carry one check it and throw <see cref="ArgumentException"/> otherwise (conversions never throw).
/// </remarks>
public readonly record struct PredictionValue
{
    private readonly double _number;
    private readonly string? _label;

    private PredictionValue(PredictionValueKind kind, double number, string? label)
    {
        Kind = kind;
        _number = number;
        _label = label;
    }

    public PredictionValueKind Kind { get; }

    public static PredictionValue FromNumber(double value) => new(PredictionValueKind.Number, value, null);

    public static PredictionValue FromLabel(string label) => new(PredictionValueKind.Label, 0, label);

    public bool TryGetNumber(out double value)
    {
        value = _number;
        return Kind == PredictionValueKind.Number;
    }

    public bool TryGetLabel([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? label)
    {
        label = _label;
        return Kind == PredictionValueKind.Label;
    }

    /// <summary>True for a finite number or a non-empty label: what contract v1 accepts.</summary>
    internal bool IsValid => Kind == PredictionValueKind.Number ? double.IsFinite(_number) : !string.IsNullOrEmpty(_label);

#pragma warning disable CA2225 // FromNumber/FromLabel are the named alternates.
    public static implicit operator PredictionValue(double value) => FromNumber(value);

    public static implicit operator PredictionValue(string label) => FromLabel(label);

    public static implicit operator PredictionValue?(string? label) => label is null ? default(PredictionValue?) : FromLabel(label);
#pragma warning restore CA2225

    public override string ToString() =>
        Kind == PredictionValueKind.Number ? _number.ToString("R", CultureInfo.InvariantCulture) : _label ?? string.Empty;
}
