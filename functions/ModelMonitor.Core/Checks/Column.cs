using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// One column of raw values: the input of the exact drift path (<see cref="DriftReports.FromColumns"/>) and of
/// <see cref="SummaryBuilder"/>, which feeds the same values through the service's summaries (the sketch path).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Numeric: <see cref="Numbers"/> holds the values that were present, NaN and ±∞ included (they are kept out of
/// the drift statistics and reported by data quality); <see cref="MissingCount"/> counts the empty cells.</item>
/// <item>Categorical and binary: <see cref="Categories"/> holds one entry per row, null for a missing cell, and
/// <see cref="MissingCount"/> equals the number of nulls. Binary values are exactly "true" or "false" (the
/// <see cref="Binary"/> factory normalizes any case).</item>
/// </list>
/// The arrays are referenced, not copied: do not change them after construction.
/// </remarks>
public sealed record Column
{
    /// <exception cref="ArgumentException">The name is empty, the arrays do not match the kind, a binary value is not
    /// "true"/"false", or the missing count is inconsistent.</exception>
    public Column(string name, FeatureKind kind, double[]? numbers, string?[]? categories, long missingCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(missingCount);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feature kind.");
        }

        if (kind == FeatureKind.Numeric)
        {
            if (numbers is null || categories is not null)
            {
                throw new ArgumentException("A numeric column has numbers and no categories.", nameof(numbers));
            }
        }
        else
        {
            if (categories is null || numbers is not null)
            {
                throw new ArgumentException("A categorical or binary column has categories and no numbers.", nameof(categories));
            }

            long nulls = categories.LongCount(c => c is null);
            if (nulls != missingCount)
            {
                throw new ArgumentException($"Missing count {missingCount} differs from the {nulls} null categories.", nameof(missingCount));
            }

            if (kind == FeatureKind.Binary && categories.Any(c => c is not (null or BinaryCategories.True or BinaryCategories.False)))
            {
                throw new ArgumentException("Binary values must be \"true\", \"false\" or null.", nameof(categories));
            }
        }

        Name = name;
        Kind = kind;
        Numbers = numbers;
        Categories = categories;
        MissingCount = missingCount;
    }

    public string Name { get; }

    public FeatureKind Kind { get; }

    /// <summary>Numeric only: present values, NaN and ±∞ included.</summary>
    public double[]? Numbers { get; }

    /// <summary>Categorical and binary only: one entry per row, null when missing.</summary>
    public string?[]? Categories { get; }

    /// <summary>Rows without a value.</summary>
    public long MissingCount { get; }

    /// <summary>Rows with a value (for numeric columns, NaN and ±∞ count as values).</summary>
    public long PresentCount => Numbers?.LongLength ?? (Categories!.LongLength - MissingCount);

    /// <summary>Present plus missing.</summary>
    public long RowCount => PresentCount + MissingCount;

    /// <summary>A numeric column.</summary>
    public static Column Numeric(string name, double[] values, long missingCount = 0) =>
        new(name, FeatureKind.Numeric, values ?? throw new ArgumentNullException(nameof(values)), null, missingCount);

    /// <summary>A categorical column; null entries are missing values.</summary>
    public static Column Categorical(string name, string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, FeatureKind.Categorical, null, values, values.LongCount(v => v is null));
    }

    /// <summary>A binary column; null entries are missing values.</summary>
    public static Column Binary(string name, IReadOnlyList<bool?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var categories = new string?[values.Count];
        for (int i = 0; i < categories.Length; i++)
        {
            categories[i] = values[i] switch
            {
                true => BinaryCategories.True,
                false => BinaryCategories.False,
                null => null,
            };
        }

        return new(name, FeatureKind.Binary, null, categories, values.LongCount(v => v is null));
    }
}
