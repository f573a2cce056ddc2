using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using static System.FormattableString;

namespace ModelMonitor.Core.Checks;

/// <summary>Data-quality rules about whether and as what a feature arrives: schema and type changes.</summary>
internal static class PresenceRules
{
    // Appeared: "seen" is the current window and "other" the reference; disappeared: the other way round.
    public static void Schema(
        List<DataQualityFinding> findings, string name, bool appeared, long seenPresent, long seenEvents, long otherEvents, DataQualityPolicy policy)
    {
        double rate = Math.Min(1.0, (double)seenPresent / seenEvents);
        double chanceOfNone = Math.Pow(1 - rate, otherEvents);
        if (chanceOfNone >= 1 - policy.Confidence)
        {
            return;
        }

        var evidence = new Dictionary<string, double?>
        {
            [appeared ? "currentPresentRate" : "referencePresentRate"] = rate,
            [appeared ? "currentPresent" : "referencePresent"] = seenPresent,
            ["referenceN"] = appeared ? otherEvents : seenEvents,
            ["n"] = appeared ? seenEvents : otherEvents,
            ["chanceOfNone"] = chanceOfNone,
        };
        findings.Add(appeared
            ? new DataQualityFinding(DataQualitySubkind.Schema, name, Severity.Warning, evidence,
                Invariant($"Feature '{name}' appeared: present in {rate:P1} of current events, never in the reference."))
            : new DataQualityFinding(DataQualitySubkind.Schema, name, Severity.Error, evidence,
                Invariant($"Feature '{name}' disappeared: present in {rate:P1} of reference events, never in the current window.")));
    }

    public static void TypeChange(List<DataQualityFinding> findings, string name, FeatureSummary r, FeatureSummary c)
    {
        bool dominantChanged = r.DominantKind != c.DominantKind;
        bool becameMixed = c.IsMixedType && !r.IsMixedType;
        if (!dominantChanged && !becameMixed)
        {
            return;
        }

        var evidence = new Dictionary<string, double?>
        {
            ["referenceNumberShare"] = (double)r.Numbers / r.Present,
            ["referenceStringShare"] = (double)r.Strings / r.Present,
            ["referenceBooleanShare"] = (double)r.Booleans / r.Present,
            ["currentNumberShare"] = (double)c.Numbers / c.Present,
            ["currentStringShare"] = (double)c.Strings / c.Present,
            ["currentBooleanShare"] = (double)c.Booleans / c.Present,
        };
        findings.Add(dominantChanged
            ? new DataQualityFinding(DataQualitySubkind.Type, name, Severity.Error, evidence,
                $"Feature '{name}' changed type from {Describe(r.DominantKind)} to {Describe(c.DominantKind)}.")
            : new DataQualityFinding(DataQualitySubkind.Type, name, Severity.Warning, evidence,
                $"Feature '{name}' became mixed-type (mostly {Describe(c.DominantKind)})."));
    }

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.Boolean => "boolean",
        _ => "null",
    };
}
