namespace ModelMonitor.Cli;

/// <summary>Process exit codes. Scripts depend on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Storage failed (unreachable, refused, corrupt data) or another runtime failure.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or input: unknown option, invalid value, missing file.</summary>
    public const int Usage = 2;

    /// <summary>The command ran but found nothing (e.g. no summary for the model and range).</summary>
    public const int NotFound = 3;

    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
