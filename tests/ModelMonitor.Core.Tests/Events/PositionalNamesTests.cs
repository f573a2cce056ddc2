using System.Text;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Events;

public class PositionalNamesTests
{
    [Fact]
    public void Intern_SameNameAtSamePosition_ReturnsThePooledInstance()
    {
        var pool = new StringPool();
        var names = new PositionalNames();

        var first = names.Intern(0, "amount"u8, pool);
        var second = names.Intern(0, "amount"u8, pool);

        Assert.Equal("amount", first);
        Assert.Same(first, second);
        Assert.Same(first, pool.InternUtf8("amount"u8));
    }

    [Fact]
    public void Intern_NamesMovingBetweenPositions_AlwaysReturnsTheRightName()
    {
        var pool = new StringPool();
        var names = new PositionalNames();
        string[] all = ["amount", "age", "country", "a", "amounts", "é-name", new string('x', 80)];
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var position = random.Next(70);
            var expected = all[random.Next(all.Length)];

            var actual = names.Intern(position, Encoding.UTF8.GetBytes(expected), pool);

            Assert.Equal(expected, actual);
            Assert.Same(pool.InternUtf8(Encoding.UTF8.GetBytes(expected)), actual);
        }
    }
}
