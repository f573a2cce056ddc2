using System.Collections;

namespace ModelMonitor.Core.Events;

/// <summary>
/// An event's features as the fast path reads them: the values in their own array, and the names in an array shared by
/// every event of the same shape (the same names in the same order, as a producer sends them). Smaller than an array of
/// <see cref="Feature"/> by a name per feature, and it lets a window summary resolve a shape's names once instead of
/// per event. Both arrays are never written after the row is built.
/// </summary>
internal sealed class FeatureRow : IReadOnlyList<Feature>
{
    public FeatureRow(string[] names, FieldValue[] values)
    {
        if (names.Length != values.Length)
        {
            throw new ArgumentException($"{names.Length} names for {values.Length} values.", nameof(values));
        }

        Names = names;
        Values = values;
    }

    /// <summary>Shared with other rows of the same shape: compare by reference to see whether two rows share it.</summary>
    public string[] Names { get; }

    public FieldValue[] Values { get; }

    public int Count => Values.Length;

    public Feature this[int index] => new(Names[index], Values[index]);

    public IEnumerator<Feature> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            yield return new Feature(Names[i], Values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
