namespace ModelMonitor.Service.Summaries;

/// <summary>What <see cref="RangeSummaries.PinAsync"/> stored: the blob, the requested range and the summary's counts.</summary>
/// <param name="Reference">The reference blob, <c>references/{modelId}/{modelVersion|default}</c>.</param>
/// <param name="ModelId">The model.</param>
/// <param name="ModelVersion">The version pinned, null for the model's default reference.</param>
/// <param name="From">Start of the range, inclusive.</param>
/// <param name="To">End of the range, exclusive.</param>
/// <param name="Events">Events in the reference.</param>
/// <param name="Features">Features in the reference.</param>
/// <param name="Outcomes">Outcomes (labelled events) in the reference.</param>
public sealed record PinnedReference(
    string Reference,
    string ModelId,
    string? ModelVersion,
    DateTimeOffset From,
    DateTimeOffset To,
    long Events,
    int Features,
    long Outcomes);
