namespace ModelMonitor.Cli.Conversion;

/// <summary>One CSV record and the line it starts on; <see cref="Error"/> set (and no fields) when it is malformed.</summary>
internal sealed record CsvRecord(int Line, string[] Fields, string? Error = null);
