using System.Collections.ObjectModel;

namespace ModelMonitor.Core.Sketches;

/// <summary>
/// The retained items of a <see cref="KllSketch"/> sorted ascending, equal values combined, with cumulative
/// weights: the sketch's step CDF. Immutable once built, so a sketch can cache it until its next change.
/// </summary>
internal sealed class KllSortedView
{
    private KllSortedView(double[] values, long[] cumulativeWeights, ReadOnlyCollection<WeightedValue> entries)
    {
        Values = values;
        CumulativeWeights = cumulativeWeights;
        Entries = entries;
    }

    /// <summary>Distinct retained values, ascending.</summary>
    internal double[] Values { get; }

    /// <summary>CumulativeWeights[i] = total weight of values ≤ Values[i]; the last entry is the sketch's count.</summary>
    internal long[] CumulativeWeights { get; }

    internal ReadOnlyCollection<WeightedValue> Entries { get; }

    internal static KllSortedView Build(double[] items, int[] levels, int numLevels)
    {
        int retained = levels[numLevels] - levels[0];
        var values = new double[retained];
        var weights = new long[retained];
        int next = 0;
        for (int h = 0; h < numLevels; h++)
        {
            long weight = 1L << h;
            for (int i = levels[h]; i < levels[h + 1]; i++)
            {
                values[next] = items[i];
                weights[next] = weight;
                next++;
            }
        }

        // The sort is unstable, but equal keys are combined below, so the result does not depend on their order.
        Array.Sort(values, weights);

        int distinct = 0;
        for (int i = 0; i < retained; i++)
        {
            if (distinct > 0 && values[i] == values[distinct - 1])
            {
                weights[distinct - 1] += weights[i];
            }
            else
            {
                values[distinct] = values[i];
                weights[distinct] = weights[i];
                distinct++;
            }
        }

        var distinctValues = values.AsSpan(0, distinct).ToArray();
        var cumulative = new long[distinct];
        var entries = new WeightedValue[distinct];
        long sum = 0;
        for (int i = 0; i < distinct; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
            entries[i] = new WeightedValue(distinctValues[i], weights[i]);
        }

        return new KllSortedView(distinctValues, cumulative, Array.AsReadOnly(entries));
    }

    /// <summary>Total weight of values ≤ <paramref name="value"/>.</summary>
    internal long WeightAtOrBelow(double value)
    {
        // Index of the last value ≤ value, by binary search for the first value > value.
        int lo = 0;
        int hi = Values.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (Values[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == 0 ? 0 : CumulativeWeights[lo - 1];
    }

    /// <summary>Smallest value whose cumulative weight reaches <paramref name="targetWeight"/>.</summary>
    internal double ValueAtCumulativeWeight(long targetWeight)
    {
        int lo = 0;
        int hi = Values.Length - 1;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (CumulativeWeights[mid] >= targetWeight)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return Values[lo];
    }
}
