namespace ModelMonitor.Contract;

/// <summary>The JSON shape of a contract field, which decides how both service parsers read it.</summary>
public enum FieldKind : byte
{
    /// <summary>A string or null.</summary>
    Text,

    /// <summary>A string or null, kept apart from <see cref="Text"/> because it is unique per event and never interned.</summary>
    EventId,

    /// <summary>An ISO-8601 string or null.</summary>
    Timestamp,

    /// <summary>An object of feature name to scalar.</summary>
    Features,

    /// <summary>A number, string or boolean (a prediction or label).</summary>
    Scalar,

    /// <summary>A number, or "NaN"/"Infinity"/"-Infinity" as a string.</summary>
    Number,

    /// <summary>An array of strings.</summary>
    StringArray,

    /// <summary>An array of <c>{"modelId", "eventId"}</c> objects.</summary>
    UpstreamArray,
}
