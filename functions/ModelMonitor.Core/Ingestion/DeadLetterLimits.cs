namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// Bounds on what one message can put into the dead letters, so a message of many bad elements costs memory and
/// storage in proportion to its size, not to its size times its element count.
/// </summary>
/// <param name="MaxLettersPerMessage">
/// Letters stored per message. Beyond it, the last stored letter counts the rest (<see cref="DeadLetter.Omitted"/>)
/// and names their reasons. Default 100.
/// </param>
/// <param name="MaxBodyBytes">Bytes of body kept per letter; longer bodies are cut and marked (<see cref="DeadLetter.TruncatedFromBytes"/>). Default 1 MiB, the message limit, so only oversized messages are cut.</param>
public sealed record DeadLetterLimits(int MaxLettersPerMessage, int MaxBodyBytes)
{
    public static DeadLetterLimits Default { get; } = new(100, 1024 * 1024);

    public int MaxLettersPerMessage { get; } = MaxLettersPerMessage >= 1 ? MaxLettersPerMessage : throw new ArgumentOutOfRangeException(nameof(MaxLettersPerMessage), MaxLettersPerMessage, "Must be at least 1.");

    public int MaxBodyBytes { get; } = MaxBodyBytes >= 16 ? MaxBodyBytes : throw new ArgumentOutOfRangeException(nameof(MaxBodyBytes), MaxBodyBytes, "Must be at least 16.");
}
