using ModelMonitor.Core.Ingestion;
using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>
/// Dead letters. JSON: an array of
/// <c>{"partition","sequenceNumber","index","enqueuedTime","reason","body","bodyEncoding"}</c> with the stored bodies,
/// and, only when they say something, <c>"bodyScope"</c> (not the whole message), <c>"omitted"</c> (further elements
/// this letter counts), <c>"truncatedFromBytes"</c> (body cut) and <c>"quarantined"</c>;
/// the table cuts bodies to <see cref="TableBodyLength"/> characters.
/// </summary>
internal static class DeadLetterOutput
{
    public const int TableBodyLength = 200;

    public static void Write(IReadOnlyList<DeadLetter> letters, OutputFormat format, TextWriter stdout, IAnsiConsole console)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteLine(stdout, w =>
            {
                w.WriteStartArray();
                foreach (var letter in letters)
                {
                    w.WriteStartObject();
                    w.WriteString("partition", letter.Partition);
                    w.WriteNumber("sequenceNumber", letter.SequenceNumber);
                    w.WriteNumber("index", letter.Index);
                    w.WriteString("enqueuedTime", JsonOutput.FormatTime(letter.EnqueuedTime));
                    w.WriteString("reason", letter.Reason);
                    w.WriteString("body", letter.Body);
                    w.WriteString("bodyEncoding", letter.BodyEncoding);
                    if (letter.BodyScope != DeadLetterBodyScope.Message)
                    {
                        w.WriteString("bodyScope", letter.BodyScope);
                    }

                    if (letter.Omitted > 0)
                    {
                        w.WriteNumber("omitted", letter.Omitted);
                    }

                    if (letter.TruncatedFromBytes is { } original)
                    {
                        w.WriteNumber("truncatedFromBytes", original);
                    }

                    if (letter.Quarantined)
                    {
                        w.WriteBoolean("quarantined", true);
                    }
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return;
        }

        console.Write(CreateTable(letters));
    }

    public static Table CreateTable(IEnumerable<DeadLetter> letters)
    {
        var table = new Table().Title("Dead letters").AddColumns("partition", "seq", "index", "enqueued (UTC)", "reason", "body");
        foreach (var letter in letters)
        {
            table.AddRow(
                new Text(letter.Partition),
                new Text(Numbers.Format(letter.SequenceNumber)),
                new Text(Numbers.Format(letter.Index)),
                new Text(JsonOutput.FormatTime(letter.EnqueuedTime)),
                new Text(letter.Reason),
                new Text(Truncate(letter)));
        }

        return table;
    }

    public static string Truncate(DeadLetter letter)
    {
        var body = letter.BodyEncoding == "utf-8" ? letter.Body : $"({letter.BodyEncoding}) {letter.Body}";
        return body.Length <= TableBodyLength ? body : string.Concat(body.AsSpan(0, TableBodyLength), $"… ({Numbers.Format(body.Length)} chars)");
    }
}
