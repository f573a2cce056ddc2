using System.Globalization;

namespace ModelMonitor.Client;

/// <summary>
/// One feature value: a number, a string, a boolean or null (the <see langword="default"/>).
/// Converts implicitly from <see cref="double"/> (and so from <see cref="int"/>, <see cref="long"/>,
/// <see cref="float"/>), <see cref="string"/>, <see cref="bool"/> and their nullable forms, where
/// <see langword="null"/> becomes <see cref="Null"/>.
/// </summary>
/// <remarks>
/// Every double is allowed: NaN and ±Infinity are written as the strings <c>"NaN"</c>, <c>"Infinity"</c> and
/// <c>"-Infinity"</c>, as contract v1 says, because a missing or broken input is exactly what monitoring
/// should see. Equality treats NaN as equal to NaN.
/// </remarks>
public readonly record struct FeatureValue
{
    private readonly double _number;
    private readonly string? _string;

    private FeatureValue(FeatureValueKind kind, double number, string? text)
    {
        Kind = kind;
        _number = number;
        _string = text;
    }

    /// <summary>What this value holds.</summary>
    public FeatureValueKind Kind { get; }

    /// <summary>The JSON <c>null</c> value (a missing feature value).</summary>
    public static FeatureValue Null => default;

    public static FeatureValue FromNumber(double value) => new(FeatureValueKind.Number, value, null);

    /// <summary>A string value, or <see cref="Null"/> when <paramref name="value"/> is null.</summary>
    public static FeatureValue FromString(string? value) =>
        value is null ? Null : new(FeatureValueKind.String, 0, value);

    public static FeatureValue FromBoolean(bool value) => new(FeatureValueKind.Boolean, value ? 1 : 0, null);

    public bool TryGetNumber(out double value)
    {
        value = _number;
        return Kind == FeatureValueKind.Number;
    }

    public bool TryGetString([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = _string;
        return Kind == FeatureValueKind.String;
    }

    public bool TryGetBoolean(out bool value)
    {
        value = _number != 0;
        return Kind == FeatureValueKind.Boolean;
    }

#pragma warning disable CA2225 // FromNumber/FromString/FromBoolean are the named alternates.
    public static implicit operator FeatureValue(double value) => FromNumber(value);

    public static implicit operator FeatureValue(double? value) => value is { } v ? FromNumber(v) : Null;

    public static implicit operator FeatureValue(string? value) => FromString(value);

    public static implicit operator FeatureValue(bool value) => FromBoolean(value);

    public static implicit operator FeatureValue(bool? value) => value is { } v ? FromBoolean(v) : Null;
#pragma warning restore CA2225

    /// <summary>The value as it would appear in JSON, for diagnostics (invariant culture).</summary>
    public override string ToString() => Kind switch
    {
        FeatureValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        FeatureValueKind.String => _string!,
        FeatureValueKind.Boolean => _number != 0 ? "true" : "false",
        _ => "null",
    };
}
