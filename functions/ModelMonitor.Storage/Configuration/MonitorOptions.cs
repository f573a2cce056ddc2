using System.ComponentModel.DataAnnotations;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Configuration;

/// <summary>Ingest settings, section <c>Monitor</c> (app settings <c>Monitor__*</c>).</summary>
public sealed class MonitorOptions : IValidatableObject
{
    public const string SectionName = "Monitor";

    /// <summary>Base window length in minutes; must divide a day. <value>Default 5.</value></summary>
    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 5;

    /// <summary>Largest accepted message body. <value>Default 1 MiB.</value></summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>How far ahead of arrival an event timestamp may be. <value>Default 1440 (one day).</value></summary>
    [Range(0, 7 * 1440)]
    public int MaxFutureSkewMinutes { get; set; } = 1440;

    /// <summary>Window blobs of one batch read and written concurrently. <value>Default 8.</value></summary>
    [Range(1, 64)]
    public int IngestParallelism { get; set; } = 8;

    public Granularity GetBaseGranularity() => Granularity.BaseMinutes(WindowMinutes);

    public ParserLimits GetLimits() => new(MaxEventBytes, ParserLimits.Default.MaxFeatures, TimeSpan.FromMinutes(MaxFutureSkewMinutes));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WindowMinutes <= 0 || 1440 % WindowMinutes != 0)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(WindowMinutes)} must divide a day evenly (e.g. 1, 5, 10, 15, 30, 60); got {WindowMinutes}.", [nameof(WindowMinutes)]);
        }
    }
}
