using FsCheck;
using FsCheck.Xunit;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

/// <summary>
/// Repeats of the last item skip the dictionary and are written back lazily; every reader must still see exactly what
/// a counter sees that is read after each add (which writes back every time), through purges, merges and clones.
/// </summary>
public class FrequentItemsRepeatTests
{
    private static readonly string[] Alphabet = ["ok", "error", "timeout", "a", "b", "c", "d", "e", "f", "g"];

    [Property(MaxTest = 200)]
    public void Add_RunsOfRepeatsWithReadsInBetween_SameStateAsReadingAfterEveryAdd(byte[] steps, PositiveInt capacity)
    {
        var lazy = new FrequentItems(1 + (capacity.Get % 6));
        var eager = new FrequentItems(lazy.Capacity);
        var other = new FrequentItems(lazy.Capacity);
        foreach (var step in steps)
        {
            // Low entropy on purpose: long runs of the same instance, as a status or slot field produces.
            var item = Alphabet[step % 16 < 10 ? 0 : step % Alphabet.Length];
            var weight = 1 + (step / 128);
            lazy.Add(item, weight);
            eager.Add(item, weight);
            _ = eager.GetCount(item);
            switch (step % 23)
            {
                case 0:
                    Assert.Equal(eager.GetCount(item), lazy.GetCount(item));
                    break;
                case 1:
                    other.Add(item);
                    lazy.Merge(other);
                    eager.Merge(other);
                    break;
                case 2:
                    lazy = lazy.Clone();
                    break;
                case 3:
                    lazy.Add(item.AsSpan());
                    eager.Add(item.AsSpan());
                    break;
            }
        }

        Assert.Equal(eager.TotalCount, lazy.TotalCount);
        Assert.Equal(eager.MaxError, lazy.MaxError);
        Assert.Equal(eager.Other, lazy.Other);
        Assert.Equal(eager.TrackedCount, lazy.TrackedCount);
        Assert.Equal(eager.All(), lazy.All());
    }

    [Fact]
    public void Add_SameInstanceManyTimes_CountsEveryAdd()
    {
        var counter = new FrequentItems(capacity: 2);
        for (var i = 0; i < 1000; i++)
        {
            counter.Add("ok");
        }

        counter.Add("error");
        counter.Add("ok", 5);

        Assert.Equal(1005, counter.GetCount("ok"));
        Assert.Equal(1, counter.GetCount("error"));
        Assert.Equal(1006, counter.TotalCount);
        Assert.True(counter.IsExact);
    }
}
