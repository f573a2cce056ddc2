namespace ModelMonitor.Benchmarks.Load;

/// <summary>What a load run measured. Peaks are sampled; "early" is up to the first quarter of the events.</summary>
public sealed record LoadResult(
    long Events,
    long Folded,
    TimeSpan Elapsed,
    long Requests,
    long Reads,
    long Writes,
    long PeakWorkingSetEarly,
    long PeakWorkingSet,
    long PeakHeapEarly,
    long PeakHeap)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double RequestsPerThousand => Requests * 1000.0 / Events;
}
