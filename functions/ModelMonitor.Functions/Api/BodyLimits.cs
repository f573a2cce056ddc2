namespace ModelMonitor.Functions.Api;

/// <summary>Request size limits of the ops API, in bytes.</summary>
public static class BodyLimits
{
    /// <summary>Azure Monitor caps a common-schema payload at 256 KB.</summary>
    public const int Webhook = 256 * 1024;

    /// <summary>Configuration documents and references.</summary>
    public const int Document = 1024 * 1024;

    /// <summary>Small command bodies (start a rollback, approve).</summary>
    public const int Command = 16 * 1024;
}
