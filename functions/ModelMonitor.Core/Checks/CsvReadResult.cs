namespace ModelMonitor.Core.Checks;

/// <summary>
/// Outcome of <see cref="CsvTable.Read"/>: the table, or the reason the input could not be read (bad user data is a
/// result, not an exception).
/// </summary>
public sealed record CsvReadResult
{
    private CsvReadResult(CsvTable? table, string? error)
    {
        Table = table;
        Error = error;
    }

    /// <summary>The table; null when reading failed.</summary>
    public CsvTable? Table { get; }

    /// <summary>Why reading failed (with a line number where there is one); null on success.</summary>
    public string? Error { get; }

    public bool IsSuccess => Table is not null;

    public static CsvReadResult Success(CsvTable table) => new(table ?? throw new ArgumentNullException(nameof(table)), null);

    public static CsvReadResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(null, error);
    }
}
