using System.Text;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// RFC 4180 record splitter: comma-separated fields, CRLF or LF line ends, double-quoted fields that may contain
/// commas, line breaks and doubled quotes. Completely empty lines are skipped. A quote inside an unquoted field is
/// kept as text (lenient); text after a closing quote, or a quote left open at the end, is an error.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Reads every record; on malformed input returns null and a reason with its line number.</summary>
    public static List<(int Line, string[] Fields)>? ReadAll(TextReader reader, out string? error)
    {
        var records = new List<(int Line, string[] Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, afterQuote = false, quoted = false;
        int line = 1, recordLine = 1;
        error = null;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            afterQuote = false;
            quoted = false;
        }

        void EndRecord()
        {
            bool blank = fields.Count == 0 && field.Length == 0 && !quoted;
            if (!blank)
            {
                EndField();
                records.Add((recordLine, fields.ToArray()));
            }

            fields.Clear();
            field.Clear();
            afterQuote = false;
            quoted = false;
            recordLine = line;
        }

        int next;
        while ((next = reader.Read()) != -1)
        {
            char c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    line++;
                    EndRecord();
                    break;
                case '"' when field.Length == 0 && !afterQuote:
                    inQuotes = true;
                    quoted = true;
                    break;
                default:
                    if (afterQuote)
                    {
                        error = $"Line {line}: unexpected character '{c}' after a closing quote.";
                        return null;
                    }

                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            error = $"Line {recordLine}: quoted field is not closed before the end of the input.";
            return null;
        }

        EndRecord();
        return records;
    }
}
