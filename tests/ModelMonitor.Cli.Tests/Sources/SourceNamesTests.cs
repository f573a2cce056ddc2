using ModelMonitor.Cli.Sources;

namespace ModelMonitor.Cli.Tests.Sources;

public sealed class SourceNamesTests
{
    [Theory]
    [InlineData("/data/events.jsonl", "events.jsonl")]
    [InlineData("/data/my events (1).jsonl", "my-events--1-.jsonl")]
    [InlineData("/data/ünïcode.jsonl", "-n-code.jsonl")]
    [InlineData("/data/..", SourceNames.Fallback)]
    public void FromFileName_SanitizesToAnIdentifier(string path, string expected) =>
        Assert.Equal(expected, SourceNames.FromFileName(path));

    [Fact]
    public void FromFileName_LongName_IsCutTo64Characters() =>
        Assert.Equal(new string('a', 64), SourceNames.FromFileName(new string('a', 100)));
}
