using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Recommenders;

/// <summary>
/// The estimated number of recommendations per distinct item, most popular first: the tracked counts of the
/// frequent-items counter, then the untracked remainder spread evenly over the items the distinct-count sketch says
/// are left. Exact while the counter tracks every item.
/// </summary>
internal sealed class ItemPopularity
{
    private ItemPopularity(long[] tracked, long untrackedItems, double untrackedEach, bool isExact)
    {
        Tracked = tracked;
        UntrackedItems = untrackedItems;
        UntrackedEach = untrackedEach;
        IsExact = isExact;
    }

    /// <summary>Counts of the tracked items, descending.</summary>
    public long[] Tracked { get; }

    /// <summary>Items beyond the tracked ones (from the distinct count).</summary>
    public long UntrackedItems { get; }

    /// <summary>Recommendations per untracked item (the remainder spread evenly).</summary>
    public double UntrackedEach { get; }

    public bool IsExact { get; }

    public long DistinctItems => Tracked.Length + UntrackedItems;

    public static ItemPopularity Of(FrequentItems items, HyperLogLog distinct)
    {
        long[] tracked = [.. items.All().Select(i => i.Count).OrderDescending()];
        long remainder = items.TotalCount - tracked.Sum();
        long untracked = items.IsExact ? 0 : Math.Max(remainder > 0 ? 1 : 0, (long)Math.Round(distinct.Estimate()) - tracked.Length);
        double each = untracked > 0 ? (double)remainder / untracked : 0;
        return new ItemPopularity(tracked, untracked, each, items.IsExact);
    }

    /// <summary>Recommendations of the <paramref name="top"/> most popular items.</summary>
    public double HeadSum(long top)
    {
        double sum = 0;
        for (int i = 0; i < Tracked.Length && i < top; i++)
        {
            sum += Tracked[i];
        }

        return sum + (Math.Clamp(top - Tracked.Length, 0, UntrackedItems) * UntrackedEach);
    }

    /// <summary>Gini coefficient of recommendations over items: 0 when every item is recommended equally, near 1 when a few take all.</summary>
    public double Gini()
    {
        long n = DistinctItems;
        double total = Tracked.Sum() + (UntrackedItems * UntrackedEach);
        if (n <= 1 || total <= 0)
        {
            return 0;
        }

        // Ascending order: the untracked (equal, smallest) items first, then the tracked ones from least to most popular.
        // G = Σ (2i − n − 1) x_i / (n Σ x), i = 1..n.
        double weighted = 0;
        if (UntrackedItems > 0)
        {
            // Σ_{i=1..u} (2i − n − 1) = u(u + 1) − u(n + 1).
            double u = UntrackedItems;
            weighted += UntrackedEach * ((u * (u + 1)) - (u * (n + 1)));
        }

        long rank = UntrackedItems;
        for (int k = Tracked.Length - 1; k >= 0; k--)
        {
            rank++;
            weighted += ((2.0 * rank) - n - 1) * Tracked[k];
        }

        return weighted / (n * total);
    }
}
