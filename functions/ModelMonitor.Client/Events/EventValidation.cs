using System.Collections.ObjectModel;
using System.Globalization;
using ModelMonitor.Contract;

namespace ModelMonitor.Client;

/// <summary>
/// The checks of contract v1, shared by the event records. Each returns the value to store (copied or
/// normalized) or throws <see cref="ArgumentException"/> whose <c>ParamName</c> is the JSON field name.
/// </summary>
internal static class EventValidation
{
    /// <summary>
    /// <c>modelId</c>/<c>modelVersion</c>/<c>upstream.modelId</c>: the service's own rule,
    /// <see cref="ContractIdentifiers.IsValidPathId"/>, so the producer refuses exactly what the service would
    /// dead-letter.
    /// </summary>
    public static string ModelIdentifier(string? value, string field)
    {
        if (value is null || !ContractIdentifiers.IsValidPathId(value))
        {
            throw new ArgumentException($"{field} must be {ContractIdentifiers.PathIdRule}; got {Describe(value)}.", field);
        }

        return value;
    }

    /// <summary><c>eventId</c>: <see cref="ContractIdentifiers.IsValidEventId"/>.</summary>
    public static string EventId(string? value, string field)
    {
        if (value is null || !ContractIdentifiers.IsValidEventId(value))
        {
            throw new ArgumentException($"{field} must be {ContractIdentifiers.EventIdRule}; got {Describe(value)}.", field);
        }

        return value;
    }

    /// <summary>
    /// Normalizes to UTC and truncates to whole milliseconds, the precision written on the wire, so an
    /// event equals what a consumer reads back. <see langword="default"/> is refused: it is always a bug.
    /// </summary>
    public static DateTimeOffset Timestamp(DateTimeOffset value, string field)
    {
        if (value == default)
        {
            throw new ArgumentException($"{field} must be set; got the default 0001-01-01T00:00:00Z.", field);
        }

        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public static DateTimeOffset? OptionalTimestamp(DateTimeOffset? value, string field) =>
        value is { } v ? Timestamp(v, field) : null;

    /// <summary>At most 1,000 features with non-empty names; copied so later changes by the caller cannot bypass the checks.</summary>
    public static IReadOnlyDictionary<string, FeatureValue>? Features(IReadOnlyDictionary<string, FeatureValue>? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Count > EventLimits.MaxFeatures)
        {
            throw new ArgumentException(
                $"features must hold at most {EventLimits.MaxFeatures} entries; got {value.Count}.", "features");
        }

        var copy = new Dictionary<string, FeatureValue>(value.Count, StringComparer.Ordinal);
        foreach (var (name, featureValue) in value)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("features must not have an empty name.", "features");
            }

            copy.Add(name, featureValue);
        }

        return new ReadOnlyDictionary<string, FeatureValue>(copy);
    }

    public static IReadOnlyList<string>? Items(IReadOnlyList<string>? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        var copy = new string[value.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = value[i] ?? throw new ArgumentException($"{field}[{i}] must not be null.", field);
        }

        return Array.AsReadOnly(copy);
    }

    public static IReadOnlyList<UpstreamRef>? Upstream(IReadOnlyList<UpstreamRef>? value)
    {
        if (value is null)
        {
            return null;
        }

        var copy = new UpstreamRef[value.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = value[i] ?? throw new ArgumentException($"upstream[{i}] must not be null.", "upstream");
        }

        return Array.AsReadOnly(copy);
    }

    /// <summary>A measurement such as latency or memory: finite and not negative.</summary>
    public static double? Measurement(double? value, string field)
    {
        if (value is { } v && !(double.IsFinite(v) && v >= 0))
        {
            throw new ArgumentException(
                $"{field} must be a finite number >= 0; got {v.ToString("R", CultureInfo.InvariantCulture)}.", field);
        }

        return value;
    }

    /// <summary>A prediction or label: a finite number or a non-empty string.</summary>
    public static PredictionValue? Prediction(PredictionValue? value, string field)
    {
        if (value is { IsValid: false } v)
        {
            throw new ArgumentException(
                $"{field} must be a finite number or a non-empty string; got {Describe(v.ToString())}.", field);
        }

        return value;
    }

    private static string Describe(string? value) => value switch
    {
        null => "null",
        { Length: > 80 } => $"'{value[..80]}…' ({value.Length} characters)",
        _ => $"'{value}'",
    };
}
