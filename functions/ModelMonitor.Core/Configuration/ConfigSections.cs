namespace ModelMonitor.Core.Configuration;

/// <summary>The sections of a model's policy, each a JSON document owned by one module.</summary>
public static class ConfigSections
{
    /// <summary>Check thresholds per check and feature, enabled kinds, reference choice.</summary>
    public const string Checks = "checks";

    /// <summary>Stakeholder subscriptions (model, kind, minimum severity, own thresholds) and channels.</summary>
    public const string Notifications = "notifications";

    /// <summary>The slot-swap rollback target.</summary>
    public const string Rollback = "rollback";

    /// <summary>
    /// The lineage between models, <c>{"edges":[{"upstream":"embedder","downstream":"pricing"}]}</c>
    /// (<see cref="Lineage.LineageConfigJson"/>); read from the default model <see cref="DefaultModel"/>.
    /// </summary>
    public const string Lineage = "lineage";

    /// <summary>The model id under which defaults for every model are stored.</summary>
    public const string DefaultModel = "*";

    public static IReadOnlyList<string> All { get; } = [Checks, Notifications, Rollback, Lineage];
}
