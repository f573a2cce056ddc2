namespace ModelMonitor.Core.Ingestion;

/// <summary>What a <see cref="DeadLetter.Body"/> holds.</summary>
public static class DeadLetterBodyScope
{
    /// <summary>The whole message body.</summary>
    public const string Message = "message";

    /// <summary>Only the rejected element of a JSON array body (its own slice of the message).</summary>
    public const string Element = "element";

    /// <summary>
    /// Nothing: the message's body is stored once, with the letter of the same partition and sequence number whose
    /// scope is <see cref="Message"/>.
    /// </summary>
    public const string StoredWithFirstLetter = "stored-with-first-letter";
}
