using System.Globalization;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// A CSV file as typed <see cref="Column"/>s, for the CLI's exact and sketch drift paths.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Read"/> expects a header row and RFC 4180 fields (quotes, embedded commas and line breaks, doubled quotes;
/// CRLF or LF). Every row must have as many fields as the header. Completely empty lines are skipped.
/// </para>
/// <para>
/// Column types: an empty (or all-whitespace) cell is missing. A column is numeric when every non-empty cell parses as
/// a number in the invariant culture (<c>NumberStyles.Float</c>, so "1e-3", "NaN", "Infinity" and "-Infinity"
/// are numbers); otherwise it is binary when every non-empty cell is "true" or "false" (any case), and categorical
/// otherwise. A column with no values at all is numeric and empty. Categorical values are kept verbatim.
/// </para>
/// </remarks>
public sealed record CsvTable
{
    public CsvTable(IReadOnlyList<Column> columns, long rowCount)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (columns.Any(c => c is null || c.RowCount != rowCount))
        {
            throw new ArgumentException($"Every column must have {rowCount} rows.", nameof(columns));
        }

        if (columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException("Column names must be unique.", nameof(columns));
        }

        Columns = columns;
        RowCount = rowCount;
    }

    public IReadOnlyList<Column> Columns { get; }

    /// <summary>Data rows (the header excluded).</summary>
    public long RowCount { get; }

    /// <summary>Reads a whole CSV document; malformed input gives a failure with the reason.</summary>
    public static CsvReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        List<(int Line, string[] Fields)>? records = CsvRecordReader.ReadAll(reader, out string? error);
        if (records is null)
        {
            return CsvReadResult.Failure(error!);
        }

        if (records.Count == 0)
        {
            return CsvReadResult.Failure("The input is empty: a header row is required.");
        }

        string[] header = records[0].Fields;
        if (header.Length > 0 && header[0].StartsWith('\uFEFF'))
        {
            header[0] = header[0][1..];
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
            {
                return CsvReadResult.Failure($"Line {records[0].Line}: column {i + 1} has an empty name.");
            }

            if (!names.Add(header[i]))
            {
                return CsvReadResult.Failure($"Line {records[0].Line}: column name '{header[i]}' appears more than once.");
            }
        }

        for (int r = 1; r < records.Count; r++)
        {
            if (records[r].Fields.Length != header.Length)
            {
                return CsvReadResult.Failure(
                    $"Line {records[r].Line}: {records[r].Fields.Length} fields where the header has {header.Length}.");
            }
        }

        int rows = records.Count - 1;
        var columns = new Column[header.Length];
        var cells = new string?[rows];
        for (int i = 0; i < header.Length; i++)
        {
            for (int r = 0; r < rows; r++)
            {
                string cell = records[r + 1].Fields[i];
                cells[r] = string.IsNullOrWhiteSpace(cell) ? null : cell;
            }

            columns[i] = ToColumn(header[i], cells);
        }

        return CsvReadResult.Success(new CsvTable(columns, rows));
    }

    private static Column ToColumn(string name, string?[] cells)
    {
        var numbers = new List<double>(cells.Length);
        long missing = 0;
        bool numeric = true;
        foreach (string? cell in cells)
        {
            if (cell is null)
            {
                missing++;
            }
            else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                numbers.Add(value);
            }
            else
            {
                numeric = false;
                break;
            }
        }

        if (numeric)
        {
            return Column.Numeric(name, [.. numbers], missing);
        }

        if (cells.All(c => c is null || IsBoolean(c)))
        {
            return Column.Binary(name, cells.Select(c => c is null ? (bool?)null : bool.Parse(c.Trim())).ToArray());
        }

        return Column.Categorical(name, (string?[])cells.Clone());
    }

    private static bool IsBoolean(string cell)
    {
        ReadOnlySpan<char> trimmed = cell.AsSpan().Trim();
        return trimmed.Equals(BinaryCategories.True, StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals(BinaryCategories.False, StringComparison.OrdinalIgnoreCase);
    }
}
