namespace ModelMonitor.Core.Events;

/// <summary>
/// What <see cref="FastEventScanner"/> carries from one body to the next: the string pool, the names and string values
/// last seen at each place, recent feature shapes and reused buffers. Owned by one <see cref="EventParser"/>, so not
/// thread-safe.
/// </summary>
internal sealed class ScanMemory(StringPool pool)
{
    private const int MaxValueBytes = 64;
    private const int FeaturePositions = 64;
    private const int RecentShapeCount = 8;

    // Ingest builds a parser per batch: count the fields once, not per parser.
    private static readonly int FieldSlots = Enum.GetValues<Field>().Length;

    private readonly string[]?[] _recentShapes = new string[RecentShapeCount][];
    private int _nextShape;

    public StringPool Pool { get; } = pool;

    /// <summary>Top-level property names by position.</summary>
    public PositionalNames FieldNames { get; } = new();

    /// <summary>Feature names by position.</summary>
    public PositionalNames FeatureNames { get; } = new();

    /// <summary>String values of top-level fields, by <see cref="Field"/>.</summary>
    public RecentStrings FieldValues { get; } = new(FieldSlots, MaxValueBytes);

    /// <summary>String values of features, by position.</summary>
    public RecentStrings FeatureValues { get; } = new(FeaturePositions, MaxValueBytes);

    /// <summary>Values of a features object longer than the last one, collected before they go to an exact array.</summary>
    public List<FieldValue> ValueBuffer { get; } = new(64);

    /// <summary>Names of a features object whose shape differs from the last one.</summary>
    public List<string> NameBuffer { get; } = new(64);

    /// <summary>The names of the last features object, in order: shared by every row of that shape.</summary>
    public string[] LastFeatureNames { get; set; } = [];

    /// <summary>
    /// The shared names array for a shape other than the last one: one of the recent shapes when it has these names
    /// (models interleaved in a partition, an optional feature coming and going), else a new one.
    /// </summary>
    public string[] Shape(ReadOnlySpan<string> names)
    {
        foreach (var shape in _recentShapes)
        {
            if (shape is not null && names.SequenceEqual(shape))
            {
                return shape;
            }
        }

        var created = names.ToArray();
        _recentShapes[_nextShape] = created;
        _nextShape = (_nextShape + 1) % RecentShapeCount;
        return created;
    }
}
