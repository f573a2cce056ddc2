using System.ComponentModel.DataAnnotations;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>Settings of rollbacks that are not per target (section <c>Rollback</c>).</summary>
public sealed class RollbackOptions
{
    public const string SectionName = "Rollback";

    /// <summary>Delay between polls of an accepted swap when ARM sends no Retry-After. <value>Default 5 s.</value></summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SwapPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Give up waiting for a swap after this long. <value>Default 15 min.</value></summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00")]
    public TimeSpan SwapTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Verification fails when a larger share of production's events is not <c>ok</c>. <value>Default 0.05.</value></summary>
    [Range(0.0, 1.0)]
    public double MaxErrorRate { get; set; } = 0.05;

    /// <summary>The ops API's public base URL, for status and approve/reject links in notifications; none when empty.</summary>
    public string? StatusBaseUrl { get; set; }

    /// <summary>Client id of the user-assigned identity that calls ARM; empty uses <c>DefaultAzureCredential</c>.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
