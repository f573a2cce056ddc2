namespace ModelMonitor.Cli.Conversion;

/// <summary>What every non-empty cell of a CSV column holds, inferred before conversion.</summary>
internal enum CellKind
{
    /// <summary>Every non-empty cell parses as a number in the invariant culture (and a column with no values at all).</summary>
    Number,

    /// <summary>Every non-empty cell is "true" or "false" (any case).</summary>
    Boolean,

    /// <summary>Anything else: the cells are kept verbatim.</summary>
    Text,
}
