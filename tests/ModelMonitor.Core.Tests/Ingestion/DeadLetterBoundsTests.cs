using System.Text;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Ingestion;

/// <summary>One message of many bad elements must cost memory in proportion to its size, and lose nothing silently.</summary>
public class DeadLetterBoundsTests
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    /// <summary>The message of the bug report: a JSON array of 400,000 one-digit numbers, about 0.8 MB.</summary>
    internal static byte[] ArrayOfNumbers(int count)
    {
        var text = new StringBuilder(count * 2 + 2).Append('[');
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append((char)('0' + (i % 10)));
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    private static BatchPlan Plan(params byte[][] bodies) => BatchPlanner.Plan(
        "0",
        [.. bodies.Select((b, i) => new IncomingMessage(b, i + 1, EventFactory.Start))],
        new EventParser(),
        FiveMinutes);

    [Fact]
    public void Plan_ArrayOf400000Numbers_StoresBoundedLettersThatCountEveryElement()
    {
        var body = ArrayOfNumbers(400_000);

        var plan = Plan(body);

        Assert.Equal(400_000, plan.Received);
        Assert.Equal(400_000, plan.DeadLettered);
        Assert.Equal(DeadLetterLimits.Default.MaxLettersPerMessage, plan.DeadLetters.Count);
        Assert.Equal(399_900, plan.DeadLetters[^1].Omitted);
        Assert.Contains("399,900 more elements rejected (indexes 100..399999)", plan.DeadLetters[^1].Reason, StringComparison.Ordinal);
        Assert.Contains("399,900 for the same reason", plan.DeadLetters[^1].Reason, StringComparison.Ordinal);
        Assert.All(plan.DeadLetters, l => Assert.Equal(DeadLetterBodyScope.Element, l.BodyScope));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => ((char)('0' + (i % 10))).ToString()), plan.DeadLetters.Select(l => l.Body));
    }

    [Fact]
    public void Plan_ArrayOf400000Numbers_AllocatesAConstantFactorOfTheMessage()
    {
        var body = ArrayOfNumbers(400_000);
        Plan(ArrayOfNumbers(1_000)); // JIT and static state outside the measurement

        var before = GC.GetAllocatedBytesForCurrentThread();
        var plan = Plan(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Before the fix each element's letter held the whole body as a string (1.6 MB): 640 GB for this message.
        // Now it is the parser's per-element results (a struct and a reason each) and nothing per element after that.
        Assert.Equal(400_000, plan.DeadLettered);
        Assert.True(allocated < 128L * body.Length, $"allocated {allocated:N0} bytes for a {body.Length:N0}-byte message");
    }

    [Fact]
    public void Plan_ManyBadElementsOfDifferentReasons_SummaryNamesTheOtherReasons()
    {
        var elements = Enumerable.Range(0, 150).Select(i => i < 120 ? "1" : "\"text\"");
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", elements) + "]");

        var plan = Plan(body);

        var last = plan.DeadLetters[^1];
        Assert.Equal(150, plan.DeadLettered);
        Assert.Equal(50, last.Omitted);
        Assert.Contains("20 for the same reason, 30 for other reasons (first: not-an-object: array element is a string", last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MixedArray_EachLetterKeepsOnlyItsOwnElement()
    {
        var good = EventFactory.Prediction(1);
        var bad = """{"schema":"prediction/v1","modelId":"fraud","modelVersion":"1","timestamp":"2026-11-25T10:00:00Z"}""";
        var body = Encoding.UTF8.GetBytes($"[{good}, {bad} ,{good.Replace("e-1", "e-2", StringComparison.Ordinal)},42]");

        var plan = Plan(body);

        Assert.Equal(4, plan.Received);
        Assert.Equal(2, plan.DeadLettered);
        Assert.Equal([1, 3], plan.DeadLetters.Select(l => l.Index));
        Assert.Equal([bad, "42"], plan.DeadLetters.Select(l => l.Body));
        Assert.All(plan.DeadLetters, l => Assert.Equal(DeadLetterBodyScope.Element, l.BodyScope));
    }

    [Fact]
    public void Plan_ArrayOnlyReadableAfterTheNaNRewrite_StoresTheBodyOnceWithTheFirstLetter()
    {
        // Bare NaN is not JSON, so the elements cannot be delimited by a JSON reader: the whole body goes with the first letter.
        var body = Encoding.UTF8.GetBytes("[NaN,1,2]");

        var plan = Plan(body);

        Assert.Equal(3, plan.DeadLettered);
        Assert.Equal("[NaN,1,2]", plan.DeadLetters[0].Body);
        Assert.Equal(DeadLetterBodyScope.Message, plan.DeadLetters[0].BodyScope);
        Assert.All(plan.DeadLetters.Skip(1), l => Assert.Equal((string.Empty, DeadLetterBodyScope.StoredWithFirstLetter), (l.Body, l.BodyScope)));
    }

    [Fact]
    public void Plan_BodyOverTheLetterCap_IsCutOnACharacterBoundaryAndMarked()
    {
        var body = Encoding.UTF8.GetBytes("{\"x\":\"" + new string('é', 40) + "\"}");

        var plan = BatchPlanner.Plan("0", [new IncomingMessage(body, 1, EventFactory.Start)], new EventParser(), FiveMinutes, new DeadLetterLimits(10, 33));

        var letter = Assert.Single(plan.DeadLetters);
        Assert.Equal(body.Length, letter.TruncatedFromBytes);
        Assert.Equal("utf-8", letter.BodyEncoding);
        Assert.Equal("{\"x\":\"" + new string('é', 13), letter.Body);
    }

    [Fact]
    public void Plan_CapOfOneLetter_TheOnlyLetterCountsTheWholeMessage()
    {
        var plan = BatchPlanner.Plan("0", [new IncomingMessage(ArrayOfNumbers(7), 1, EventFactory.Start)], new EventParser(), FiveMinutes, new DeadLetterLimits(1, 1024));

        var letter = Assert.Single(plan.DeadLetters);
        Assert.Equal((0, 6, 7), (letter.Index, letter.Omitted, plan.DeadLettered));
    }
}
