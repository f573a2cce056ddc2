using System.Text;

namespace ModelMonitor.Cli.Conversion;

/// <summary>
/// Streams RFC 4180 records (commas; CRLF or LF; double-quoted fields with commas, line breaks and doubled quotes),
/// so a predictions log of any size is read in constant memory. Completely empty lines are skipped. A quote inside an
/// unquoted field is kept as text (lenient, as <c>CsvTable</c>); text after a closing quote makes that record malformed
/// (the rest of its line is skipped and reading goes on), and a quote left open at the end of the input is malformed.
/// </summary>
internal static class CsvRecordStream
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, afterQuote = false, quoted = false;
        int line = 1, recordLine = 1;
        string? error = null;

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

            if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                line++;
                bool blank = fields.Count == 0 && field.Length == 0 && !quoted && error is null;
                if (error is not null)
                {
                    yield return new CsvRecord(recordLine, [], error);
                }
                else if (!blank)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, [.. fields]);
                }

                fields.Clear();
                field.Clear();
                afterQuote = quoted = false;
                error = null;
                recordLine = line;
                continue;
            }

            if (error is not null)
            {
                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = quoted = false;
                    break;
                case '"' when field.Length == 0 && !afterQuote:
                    inQuotes = quoted = true;
                    break;
                default:
                    if (afterQuote)
                    {
                        error = $"unexpected character '{c}' after a closing quote";
                    }
                    else
                    {
                        field.Append(c);
                    }

                    break;
            }
        }

        if (inQuotes)
        {
            yield return new CsvRecord(recordLine, [], "quoted field is not closed before the end of the input");
        }
        else if (error is not null)
        {
            yield return new CsvRecord(recordLine, [], error);
        }
        else if (fields.Count > 0 || field.Length > 0 || quoted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, [.. fields]);
        }
    }
}
