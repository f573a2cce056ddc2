using ModelMonitor.Core.Abuse;

namespace ModelMonitor.Core.Tests.Abuse;

public class BlocklistEntryTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsActive_FromSinceUntilBeforeExpiry()
    {
        var entry = new BlocklistEntry("m", "k", "r", Since, Since.AddHours(1), "a");

        Assert.False(entry.IsActive(Since.AddTicks(-1)));
        Assert.True(entry.IsActive(Since));
        Assert.True(entry.IsActive(Since.AddMinutes(59)));
        Assert.False(entry.IsActive(Since.AddHours(1)));
    }

    [Fact]
    public void Constructor_ExpiryNotAfterSince_Throws() =>
        Assert.Throws<ArgumentException>(() => new BlocklistEntry("m", "k", "r", Since, Since, "a"));

    [Fact]
    public void Constructor_EmptyCaller_Throws() =>
        Assert.Throws<ArgumentException>(() => new BlocklistEntry("m", string.Empty, "r", Since, null, "a"));
}
