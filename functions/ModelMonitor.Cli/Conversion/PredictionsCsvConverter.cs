using System.Globalization;
using ModelMonitor.Client;

namespace ModelMonitor.Cli.Conversion;

/// <summary>
/// Turns a predictions log in CSV (one row per prediction) into contract-v1 events built with the producer client's
/// own types, so the output is exactly what a producer would send. Two passes over the input: the first infers each
/// column's kind (<see cref="CellKinds"/>), the second builds the events; memory stays constant either way.
/// </summary>
/// <remarks>
/// A row is skipped, with its line and reason, when it is malformed, has a different number of fields than the header,
/// has an empty or unparseable timestamp, or breaks contract v1 (the client's validation names the field). An empty
/// cell is a missing value: a null feature, no prediction, no label (and so no outcome).
/// </remarks>
internal sealed class PredictionsCsvConverter
{
    private readonly Func<TextReader> _open;
    private readonly PredictionsCsvMapping _mapping;

    /// <param name="open">Opens the input from its start; called twice.</param>
    /// <param name="mapping">Which columns mean what.</param>
    public PredictionsCsvConverter(Func<TextReader> open, PredictionsCsvMapping mapping)
    {
        _open = open;
        _mapping = mapping;
    }

    /// <summary>The header's layout and the columns' kinds, or the reason the header is unusable.</summary>
    public (CsvLayout? Layout, CellKinds? Kinds, string? Error) Inspect()
    {
        using var reader = _open();
        using var records = CsvRecordStream.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            return (null, null, "the input is empty: a header row is required");
        }

        if (records.Current.Error is { } headerError)
        {
            return (null, null, $"line {records.Current.Line}: {headerError}");
        }

        var (layout, error) = CsvLayout.Resolve(records.Current.Fields, _mapping);
        if (layout is null)
        {
            return (null, null, error);
        }

        var kinds = new CellKinds(layout.Width);
        while (records.MoveNext())
        {
            if (records.Current.Error is null && records.Current.Fields.Length == layout.Width)
            {
                kinds.Observe(records.Current.Fields);
            }
        }

        return (layout, kinds, null);
    }

    /// <summary>Every data row, converted or with the reason it was skipped.</summary>
    public IEnumerable<ConvertedRow> Rows(CsvLayout layout, CellKinds kinds)
    {
        using var reader = _open();
        var first = true;
        foreach (var record in CsvRecordStream.Read(reader))
        {
            if (first)
            {
                first = false;
                continue;
            }

            yield return Convert(record, layout, kinds);
        }
    }

    private ConvertedRow Convert(CsvRecord record, CsvLayout layout, CellKinds kinds)
    {
        if (record.Error is { } malformed)
        {
            return new ConvertedRow(record.Line, null, null, malformed);
        }

        var fields = record.Fields;
        if (fields.Length != layout.Width)
        {
            return Skip(record, $"{fields.Length} fields where the header has {layout.Width}");
        }

        DateTimeOffset timestamp = _mapping.FixedTimestamp;
        if (layout.Timestamp >= 0 && !TryTimestamp(fields[layout.Timestamp], out timestamp))
        {
            return Skip(record, $"timestamp '{fields[layout.Timestamp]}' is not an ISO-8601 time (e.g. 2026-11-25T10:00:00Z)");
        }

        try
        {
            var eventId = layout.Id >= 0
                ? fields[layout.Id]
                : string.Create(CultureInfo.InvariantCulture, $"{_mapping.EventIdPrefix}-{record.Line}");
            var features = new Dictionary<string, FeatureValue>(layout.Features.Count, StringComparer.Ordinal);
            foreach (var (name, index) in layout.Features)
            {
                features[name] = ToFeature(fields[index], kinds[index]);
            }

            var prediction = new PredictionEvent(eventId, _mapping.ModelId, _mapping.ModelVersion, timestamp)
            {
                CallerId = layout.Caller >= 0 && !CellKinds.IsMissing(fields[layout.Caller]) ? fields[layout.Caller] : null,
                Features = features,
                Prediction = layout.Prediction >= 0 ? ToPrediction(fields[layout.Prediction], kinds[layout.Prediction]) : null,
            };
            var label = layout.Label >= 0 ? ToPrediction(fields[layout.Label], kinds[layout.Label]) : null;
            var outcome = label is { } l ? OutcomeEvent.ForPrediction(prediction) with { Label = l } : null;
            return new ConvertedRow(record.Line, prediction, outcome, null);
        }
        catch (ArgumentException ex)
        {
            return Skip(record, $"{ex.ParamName}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static ConvertedRow Skip(CsvRecord record, string reason) => new(record.Line, null, null, reason);

    internal static bool TryTimestamp(string cell, out DateTimeOffset timestamp)
    {
        var ok = DateTimeOffset.TryParse(cell.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp);
        return ok && !CellKinds.IsMissing(cell);
    }

    private static FeatureValue ToFeature(string cell, CellKind kind)
    {
        if (CellKinds.IsMissing(cell))
        {
            return FeatureValue.Null;
        }

        return kind switch
        {
            CellKind.Number when CellKinds.TryNumber(cell, out var number) => number,
            CellKind.Boolean when CellKinds.TryBoolean(cell, out var flag) => flag,
            _ => cell,
        };
    }

    private static PredictionValue? ToPrediction(string cell, CellKind kind)
    {
        if (CellKinds.IsMissing(cell))
        {
            return null;
        }

        return kind switch
        {
            CellKind.Number when CellKinds.TryNumber(cell, out var number) => number,
            CellKind.Boolean when CellKinds.TryBoolean(cell, out var flag) => flag ? "true" : "false",
            _ => cell.Trim(),
        };
    }
}
