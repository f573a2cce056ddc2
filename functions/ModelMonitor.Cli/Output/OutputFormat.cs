namespace ModelMonitor.Cli.Output;

/// <summary>How a command prints its result on stdout.</summary>
public enum OutputFormat
{
    /// <summary>One line of JSON: the default, for scripts.</summary>
    Json,

    /// <summary>Spectre tables, for people.</summary>
    Table,
}
