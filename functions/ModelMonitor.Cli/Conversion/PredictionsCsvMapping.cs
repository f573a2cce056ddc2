namespace ModelMonitor.Cli.Conversion;

/// <summary>
/// Which CSV columns mean what. A named column must exist in the header, except the label column when
/// <see cref="LabelRequired"/> is false (the default <c>label</c> of <c>convert</c>). Null means "no such column":
/// without a timestamp column every event is stamped <see cref="FixedTimestamp"/> (training data has no time).
/// </summary>
internal sealed record PredictionsCsvMapping
{
    public required string ModelId { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>Event ids for rows without an id column are <c>{prefix}-{line}</c>.</summary>
    public required string EventIdPrefix { get; init; }

    public string? TimestampColumn { get; init; } = "timestamp";

    public DateTimeOffset FixedTimestamp { get; init; }

    public string? PredictionColumn { get; init; } = "prediction";

    public string? LabelColumn { get; init; } = "label";

    public bool LabelRequired { get; init; }

    public string? IdColumn { get; init; }

    public string? CallerColumn { get; init; }

    /// <summary>The feature columns; null for every column not named above.</summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }
}
