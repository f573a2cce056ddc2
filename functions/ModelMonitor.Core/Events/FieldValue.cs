namespace ModelMonitor.Core.Events;

/// <summary>
/// A feature value, label or prediction: number (including NaN/±Inf), string, boolean or null.
/// A struct so that parsing a feature allocates nothing beyond interned strings.
/// </summary>
public readonly record struct FieldValue
{
    private FieldValue(ValueKind kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public static FieldValue Null { get; } = new(ValueKind.Null, double.NaN, null);

    public ValueKind Kind { get; }

    /// <summary>The number for <see cref="ValueKind.Number"/> (may be NaN or ±Infinity), 1/0 for booleans, else NaN.</summary>
    public double Number { get; }

    /// <summary>The string for <see cref="ValueKind.String"/>, "true"/"false" for booleans, else null.</summary>
    public string? Text { get; }

    public bool IsNull => Kind == ValueKind.Null;

    public static FieldValue FromNumber(double value) => new(ValueKind.Number, value, null);

    public static FieldValue FromString(string value) => new(ValueKind.String, double.NaN, value ?? throw new ArgumentNullException(nameof(value)));

    public static FieldValue FromBoolean(bool value) => value ? True : False;

    private static readonly FieldValue True = new(ValueKind.Boolean, 1, "true");
    private static readonly FieldValue False = new(ValueKind.Boolean, 0, "false");

    public override string ToString() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Number => Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Text!,
    };
}
