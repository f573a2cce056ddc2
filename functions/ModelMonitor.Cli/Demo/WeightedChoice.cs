namespace ModelMonitor.Cli.Demo;

/// <summary>A fixed set of values drawn with given relative weights.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public WeightedChoice(params (T Value, double Weight)[] choices)
    {
        if (choices.Length == 0 || choices.Any(c => !(c.Weight > 0)))
        {
            throw new ArgumentException("Choices must be non-empty with positive weights.", nameof(choices));
        }

        _values = [.. choices.Select(c => c.Value)];
        _cumulative = new double[choices.Length];
        var sum = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            sum += choices[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Values => _values;

    public T Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return _values[Math.Min(index, _values.Length - 1)];
    }
}
