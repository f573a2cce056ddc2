using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Ingestion;

public class BatchPlannerTests
{
    [Fact]
    public void Plan_InOrderBatch_KeepsSequenceOrderPerWindow()
    {
        var plan = BatchPlanner.Plan("0", EventFactory.Batch(100, 50), new EventParser(), Granularity.BaseMinutes(5));

        var events = Assert.Single(plan.Windows).Value;
        Assert.Equal(Enumerable.Range(100, 50).Select(i => (long)i), events.Select(e => e.SequenceNumber));
    }

    [Fact]
    public void Plan_OutOfOrderBatch_SortsEachWindowBySequenceNumber()
    {
        // The high-water mark skips a prefix of each window's events, which is only right in sequence order.
        var messages = EventFactory.Batch(0, 40);
        messages.Reverse();
        (messages[3], messages[20]) = (messages[20], messages[3]);

        var plan = BatchPlanner.Plan("0", messages, new EventParser(), Granularity.BaseMinutes(5));

        var events = Assert.Single(plan.Windows).Value;
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), events.Select(e => e.SequenceNumber));
        Assert.Equal(40, plan.Received);
    }
}
