using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Summaries;

/// <summary>
/// What one feature looked like over a window. Numbers go to <see cref="Numeric"/>, strings and booleans to
/// <see cref="Categories"/>; a feature seen with more than one JSON type is reported as mixed.
/// Missing values (explicit null or an absent key) are derived from the window's event count.
/// </summary>
public sealed class FeatureSummary
{
    public FeatureSummary()
    {
    }

    internal FeatureSummary(long nulls, long numbers, long strings, long booleans, NumericSummary? numeric, FrequentItems? categories)
    {
        Nulls = nulls;
        Numbers = numbers;
        Strings = strings;
        Booleans = booleans;
        Numeric = numeric;
        Categories = categories;
    }

    /// <summary>
    /// Quantile sketch accuracy for feature values. Lower than the serving metrics' default (200) so that a
    /// summary of 50 numeric features stays under 256 KiB: K=128 keeps about 400 items (≈3.2 KB) per feature
    /// for a single-query rank error of about 2% at 99% confidence (typical errors are well below that).
    /// </summary>
    public const int FeatureSketchK = 128;

    /// <summary>Explicit nulls.</summary>
    public long Nulls { get; private set; }

    /// <summary>Numeric values, NaN and ±Inf included.</summary>
    public long Numbers { get; private set; }

    public long Strings { get; private set; }

    public long Booleans { get; private set; }

    /// <summary>Non-null values of any type.</summary>
    public long Present => Numbers + Strings + Booleans;

    public NumericSummary? Numeric { get; private set; }

    /// <summary>String and boolean values ("true"/"false").</summary>
    public FrequentItems? Categories { get; private set; }

    /// <summary>True when values of more than one JSON type were seen.</summary>
    public bool IsMixedType => (Numbers > 0 ? 1 : 0) + (Strings > 0 ? 1 : 0) + (Booleans > 0 ? 1 : 0) > 1;

    /// <summary>The dominant type: numeric wins over categorical only when most values were numbers.</summary>
    public ValueKind DominantKind =>
        Present == 0 ? ValueKind.Null
        : Numbers >= Strings && Numbers >= Booleans ? ValueKind.Number
        : Strings >= Booleans ? ValueKind.String
        : ValueKind.Boolean;

    public void Add(in FieldValue value)
    {
        switch (value.Kind)
        {
            case ValueKind.Null:
                Nulls++;
                break;
            case ValueKind.Number:
                Numbers++;
                (Numeric ??= new NumericSummary(FeatureSketchK)).Add(value.Number);
                break;
            case ValueKind.String:
                Strings++;
                (Categories ??= new FrequentItems()).Add(value.Text!);
                break;
            case ValueKind.Boolean:
                Booleans++;
                (Categories ??= new FrequentItems()).Add(value.Text!);
                break;
        }
    }

    public void Merge(FeatureSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Nulls += other.Nulls;
        Numbers += other.Numbers;
        Strings += other.Strings;
        Booleans += other.Booleans;
        if (other.Numeric is not null)
        {
            if (Numeric is null)
            {
                Numeric = other.Numeric.Clone();
            }
            else
            {
                Numeric.Merge(other.Numeric);
            }
        }

        if (other.Categories is not null)
        {
            if (Categories is null)
            {
                Categories = other.Categories.Clone();
            }
            else
            {
                Categories.Merge(other.Categories);
            }
        }
    }

    public FeatureSummary Clone() => new(Nulls, Numbers, Strings, Booleans, Numeric?.Clone(), Categories?.Clone());
}
