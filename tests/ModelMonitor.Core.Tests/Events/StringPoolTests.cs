using System.Text;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Events;

public class StringPoolTests
{
    [Fact]
    public void Utf8Cache_ReturnsTheSameInstance_ForManyDistinctKeys()
    {
        var pool = new StringPool(capacity: 5000);
        var keys = Enumerable.Range(0, 5000).Select(i => $"feature_{i}").ToArray();
        foreach (var key in keys)
        {
            pool.AddUtf8(Encoding.UTF8.GetBytes(key), key);
        }

        foreach (var key in keys)
        {
            Assert.True(pool.TryGetUtf8(Encoding.UTF8.GetBytes(key), out var found));
            Assert.Same(key, found);
        }

        Assert.False(pool.TryGetUtf8("feature_5000"u8, out _));
        Assert.False(pool.TryGetUtf8("feature_"u8, out _));
    }

    [Fact]
    public void Pools_StopGrowingAtCapacity_ButStillReturnCorrectStrings()
    {
        var pool = new StringPool(capacity: 10);
        for (var i = 0; i < 100; i++)
        {
            var text = $"value-{i}";
            pool.AddUtf8(Encoding.UTF8.GetBytes(text), text);
            Assert.Equal(text, pool.Intern(text.AsSpan()));
        }

        Assert.Equal(10, pool.Count);
        Assert.False(pool.TryGetUtf8("value-50"u8, out _));
        Assert.True(pool.TryGetUtf8("value-9"u8, out var kept));
        Assert.Equal("value-9", kept);
    }
}
