namespace ModelMonitor.Core.Checks;

/// <summary>
/// How long a condition must hold before it becomes an alert (<see cref="AlertPersistence"/>): in
/// <see cref="Required"/> of the last <see cref="Window"/> evaluations of the same series (model, version, tier),
/// unless it is severe enough to fire at once. Immutable; validated in the constructor.
/// </summary>
/// <remarks>
/// Why persistence rather than a daily Bonferroni budget: the per-window tests are already corrected across features
/// (drift: Benjamini–Hochberg; rates: a small α), and what remains is repetition over hours. Requiring 2 of 3 windows
/// squares a per-window false-alarm probability (0.01 → ~3·10⁻⁴ per series and hour) while a real, lasting shift
/// still fires within two windows; a big effect (Critical) is never delayed. See docs/checks.md for the measurement.
/// </remarks>
public sealed record PersistencePolicy
{
    public const int DefaultRequired = 2;
    public const int DefaultWindow = 3;

    /// <param name="required">Evaluations (this one included) in which the condition must hold. 1 = no persistence. ≥ 1.</param>
    /// <param name="window">Evaluations looked at (this one and the <c>window − 1</c> before it). ≥ <paramref name="required"/>, ≤ 48.</param>
    /// <param name="immediateSeverity">A condition at or above this severity fires in its first window. Default Critical.</param>
    /// <param name="escalateWhenSustained">A condition that held in every one of the <paramref name="window"/> evaluations is
    /// raised one severity level (up to Critical): severity follows persistence as well as size.</param>
    public PersistencePolicy(
        int required = DefaultRequired,
        int window = DefaultWindow,
        Severity immediateSeverity = Severity.Critical,
        bool escalateWhenSustained = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(required, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, required);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, 48);
        if (!Enum.IsDefined(immediateSeverity))
        {
            throw new ArgumentOutOfRangeException(nameof(immediateSeverity), immediateSeverity, "Unknown severity.");
        }

        Required = required;
        Window = window;
        ImmediateSeverity = immediateSeverity;
        EscalateWhenSustained = escalateWhenSustained;
    }

    /// <summary>2 of 3, Critical at once, escalation on.</summary>
    public static PersistencePolicy Default { get; } = new();

    /// <summary>Every condition is an alert at once (what the checks did before persistence).</summary>
    public static PersistencePolicy None { get; } = new(1, 1, Severity.Info, escalateWhenSustained: false);

    /// <value>Default 2.</value>
    public int Required { get; }

    /// <value>Default 3.</value>
    public int Window { get; }

    /// <value>Default <see cref="Severity.Critical"/>.</value>
    public Severity ImmediateSeverity { get; }

    /// <value>Default true.</value>
    public bool EscalateWhenSustained { get; }
}
