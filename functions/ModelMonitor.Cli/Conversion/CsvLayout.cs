namespace ModelMonitor.Cli.Conversion;

/// <summary>A header resolved against a <see cref="PredictionsCsvMapping"/>: column indices, -1 where absent.</summary>
internal sealed record CsvLayout(int Width, int Timestamp, int Prediction, int Label, int Id, int Caller, IReadOnlyList<(string Name, int Index)> Features)
{
    /// <summary>The layout, or the reason the header cannot be used (a usage error).</summary>
    public static (CsvLayout? Layout, string? Error) Resolve(string[] header, PredictionsCsvMapping mapping)
    {
        if (header.Length > 0 && header[0].StartsWith('\uFEFF'))
        {
            header[0] = header[0][1..];
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
            {
                return (null, $"column {i + 1} of the header has an empty name");
            }

            if (!index.TryAdd(header[i], i))
            {
                return (null, $"column '{header[i]}' appears more than once in the header");
            }
        }

        string? missing = null;
        int Find(string? name, string flag, bool required)
        {
            if (name is null)
            {
                return -1;
            }

            if (index.TryGetValue(name, out var i))
            {
                return i;
            }

            missing ??= required ? $"{flag} '{name}' is not a column of the header ({string.Join(", ", header)})" : null;
            return -1;
        }

        var timestamp = Find(mapping.TimestampColumn, "--timestamp-column", true);
        var prediction = Find(mapping.PredictionColumn, "--prediction-column", true);
        var label = Find(mapping.LabelColumn, "--label-column", mapping.LabelRequired);
        var id = Find(mapping.IdColumn, "--id-column", true);
        var caller = Find(mapping.CallerColumn, "--caller-column", true);
        var named = new HashSet<int> { timestamp, prediction, label, id, caller };
        var features = new List<(string, int)>();
        if (mapping.FeatureColumns is { } chosen)
        {
            foreach (var name in chosen)
            {
                var i = Find(name, "--feature-columns", true);
                if (i >= 0 && named.Contains(i))
                {
                    missing ??= $"--feature-columns: '{name}' is already the timestamp, prediction, label, id or caller column";
                }

                features.Add((name, i));
            }
        }
        else
        {
            features.AddRange(header.Select((name, i) => (name, i)).Where(c => !named.Contains(c.i)));
        }

        return missing is null
            ? (new CsvLayout(header.Length, timestamp, prediction, label, id, caller, features), null)
            : (null, missing);
    }
}
