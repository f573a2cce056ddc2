using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// A model's hourly summaries (one per version and hour, as the hourly roll-ups store them) from
/// <see cref="CoverageStart"/> on. Inside the coverage an hour without a summary served no requests: that is how a
/// model that stopped sending is told from one whose history was never read.
/// </summary>
public sealed class ServingHistory
{
    /// <param name="modelId">The model.</param>
    /// <param name="coverageStart">First hour the history covers (hour-aligned); typically the first hour with events.</param>
    /// <param name="hours">Hourly summaries of this model; each spans one hour at most, starting on the hour.</param>
    public ServingHistory(string modelId, DateTimeOffset coverageStart, IEnumerable<WindowSummary> hours)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentNullException.ThrowIfNull(hours);
        if (Granularity.Hour.Floor(coverageStart) != coverageStart)
        {
            throw new ArgumentException($"Coverage start {coverageStart:O} is not on the hour.", nameof(coverageStart));
        }

        var list = new List<WindowSummary>();
        foreach (var hour in hours)
        {
            ArgumentNullException.ThrowIfNull(hour, nameof(hours));
            if (!string.Equals(hour.ModelId, modelId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Summary of model '{hour.ModelId}' in the history of '{modelId}'.", nameof(hours));
            }

            if (hour.ModelVersion == WindowSummary.AnyVersion)
            {
                throw new ArgumentException("Summaries must be of one version each.", nameof(hours));
            }

            if (Granularity.Hour.Floor(hour.WindowStart) != Granularity.Hour.Floor(hour.WindowEnd - TimeSpan.FromTicks(1)) && hour.WindowEnd > hour.WindowStart)
            {
                throw new ArgumentException($"Summary {hour.WindowStart:O}–{hour.WindowEnd:O} spans more than one hour.", nameof(hours));
            }

            list.Add(hour);
        }

        ModelId = modelId;
        CoverageStart = coverageStart;
        Hours = list;
    }

    public string ModelId { get; }

    public DateTimeOffset CoverageStart { get; }

    public IReadOnlyList<WindowSummary> Hours { get; }
}
