using System.Globalization;

namespace ModelMonitor.Cli.Conversion;

/// <summary>
/// Per-column kind inference, the same rule as the drift command's <c>CsvTable</c>: a column is numeric when every
/// non-empty cell parses invariantly (<c>NumberStyles.Float</c>, so "1e-3" and "NaN" are numbers), boolean when every
/// non-empty cell is "true"/"false", text otherwise. An empty or all-whitespace cell is missing and does not vote.
/// </summary>
internal sealed class CellKinds
{
    private readonly CellKind[] _kinds;

    public CellKinds(int columns)
    {
        _kinds = new CellKind[columns];
        Array.Fill(_kinds, CellKind.Number);
        Booleans = new bool[columns];
        Array.Fill(Booleans, true);
    }

    // Still possible for the column: a boolean column is first seen as "not a number".
    private bool[] Booleans { get; }

    public CellKind this[int column] => _kinds[column];

    public static bool IsMissing(string cell) => string.IsNullOrWhiteSpace(cell);

    public static bool TryNumber(string cell, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryBoolean(string cell, out bool value)
    {
        var trimmed = cell.AsSpan().Trim();
        value = trimmed.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public void Observe(string[] fields)
    {
        for (int i = 0; i < _kinds.Length && i < fields.Length; i++)
        {
            var cell = fields[i];
            if (IsMissing(cell) || _kinds[i] == CellKind.Text)
            {
                continue;
            }

            Booleans[i] &= TryBoolean(cell, out _);
            if (_kinds[i] == CellKind.Number && !TryNumber(cell, out _))
            {
                _kinds[i] = Booleans[i] ? CellKind.Boolean : CellKind.Text;
            }
            else if (_kinds[i] == CellKind.Boolean && !Booleans[i])
            {
                _kinds[i] = CellKind.Text;
            }
        }
    }
}
