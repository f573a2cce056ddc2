using static ModelMonitor.Contract.ContractEventKinds;

namespace ModelMonitor.Contract;

/// <summary>
/// Contract v1 as one table: every parser (the service's fast scanner and general parser) and the producer's
/// serializer and validation read names, shapes, required-ness and value rules from here, so a new field is one
/// row plus the place its value lands.
/// </summary>
public static class ContractFields
{
    // Indexed by ContractField; a test checks that row i describes field i.
    private static readonly ContractFieldSpec[] Rows =
    [
        new(ContractField.Unknown, "", FieldKind.Text, None, None, ValueRule.None),
        new(ContractField.Schema, "schema", FieldKind.Text, Both, Both, ValueRule.None),
        new(ContractField.EventId, "eventId", FieldKind.EventId, Both, Both, ValueRule.EventId),
        new(ContractField.ModelId, "modelId", FieldKind.Text, Both, Both, ValueRule.PathId),
        new(ContractField.ModelVersion, "modelVersion", FieldKind.Text, Both, Both, ValueRule.PathId),
        new(ContractField.Timestamp, "timestamp", FieldKind.Timestamp, Both, Both, ValueRule.None),
        new(ContractField.ObservedAt, "observedAt", FieldKind.Timestamp, Outcome, None, ValueRule.None),
        new(ContractField.CallerId, "callerId", FieldKind.Text, Prediction, None, ValueRule.None),
        new(ContractField.Slot, "slot", FieldKind.Text, Prediction, None, ValueRule.None),
        new(ContractField.Status, "status", FieldKind.Text, Prediction, None, ValueRule.None),
        new(ContractField.PredictedLabel, "predictedLabel", FieldKind.Text, Prediction, None, ValueRule.None),
        new(ContractField.Features, "features", FieldKind.Features, Both, None, ValueRule.None),
        new(ContractField.Prediction, "prediction", FieldKind.Scalar, Both, None, ValueRule.None),
        new(ContractField.Label, "label", FieldKind.Scalar, Outcome, None, ValueRule.None),
        new(ContractField.LatencyMs, "latencyMs", FieldKind.Number, Prediction, None, ValueRule.None),
        new(ContractField.CpuMs, "cpuMs", FieldKind.Number, Prediction, None, ValueRule.None),
        new(ContractField.MemoryMb, "memoryMb", FieldKind.Number, Prediction, None, ValueRule.None),
        new(ContractField.Items, "items", FieldKind.StringArray, Prediction, None, ValueRule.None),
        new(ContractField.ClickedItems, "clickedItems", FieldKind.StringArray, Outcome, None, ValueRule.None),
        new(ContractField.Upstream, "upstream", FieldKind.UpstreamArray, Prediction, None, ValueRule.None),
    ];

    // Candidates by name length: a lookup is one or two byte comparisons, as fast as a hand-written switch.
    private static readonly ContractFieldSpec[][] ByLength = BuildLengthIndex();

    private static readonly ContractFieldSpec[] RequiredInPrediction = [.. Rows.Where(r => r.IsRequiredIn(Prediction))];
    private static readonly ContractFieldSpec[] RequiredInOutcome = [.. Rows.Where(r => r.IsRequiredIn(Outcome))];

    /// <summary>Every field, in <see cref="ContractField"/> order, without <see cref="ContractField.Unknown"/>.</summary>
    public static ReadOnlySpan<ContractFieldSpec> All => Rows.AsSpan(1);

    /// <summary>The row of <paramref name="field"/>.</summary>
    public static ContractFieldSpec Spec(ContractField field) => Rows[(int)field];

    /// <summary>The JSON property name of <paramref name="field"/>.</summary>
    public static string Name(ContractField field) => Rows[(int)field].Name;

    /// <summary>The fields an event of <paramref name="kind"/> must carry, in the order errors are reported.</summary>
    public static ReadOnlySpan<ContractFieldSpec> RequiredIn(ContractEventKinds kind) =>
        kind == Outcome ? RequiredInOutcome : RequiredInPrediction;

    /// <summary>The field a raw UTF-8 property name denotes, or <see cref="ContractField.Unknown"/>.</summary>
    public static ContractField Identify(ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length >= ByLength.Length)
        {
            return ContractField.Unknown;
        }

        foreach (var candidate in ByLength[utf8Name.Length])
        {
            if (utf8Name.SequenceEqual(candidate.Utf8Name))
            {
                return candidate.Field;
            }
        }

        return ContractField.Unknown;
    }

    private static ContractFieldSpec[][] BuildLengthIndex()
    {
        var longest = Rows.Max(r => r.Utf8Name.Length);
        var index = new ContractFieldSpec[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            index[length] = [.. Rows.Where(r => r.Field != ContractField.Unknown && r.Utf8Name.Length == length)];
        }

        return index;
    }
}
