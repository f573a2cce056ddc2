namespace ModelMonitor.Service.AzureMonitor;

/// <summary>The outcome of reading a webhook payload: an alert, or why not.</summary>
/// <param name="Alert">The alert when the payload is a Common Alert Schema payload.</param>
/// <param name="Error">Why the payload was refused; names the Common Alert Schema.</param>
/// <param name="IsOtherSchema">True when the payload is well-formed JSON of another alert schema.</param>
public sealed record CommonAlertParseResult(CommonAlert? Alert, string? Error, bool IsOtherSchema)
{
    /// <summary>A parsed alert.</summary>
    public static CommonAlertParseResult Ok(CommonAlert alert) => new(alert, null, false);

    /// <summary>A refusal.</summary>
    public static CommonAlertParseResult Fail(string error, bool otherSchema) => new(null, error, otherSchema);
}
