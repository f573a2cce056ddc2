using System.Text;
using ModelMonitor.Core.Events;
using Field = ModelMonitor.Contract.ContractField;

namespace ModelMonitor.Core.Tests.Events;

public class PositionalNamesTests
{
    [Fact]
    public void TryMatch_NameRememberedAtThatPosition_MatchesItsQuotedTokenAndColon()
    {
        var pool = new StringPool();
        var names = new PositionalNames();
        var remembered = names.Remember(1, "amount"u8, pool, out _);

        var matched = names.TryMatch(1, "\"amount\":12.5}"u8, out var length, out var name, out _);

        Assert.True(matched);
        Assert.Equal(9, length);
        Assert.Same(remembered, name);
        Assert.Same(pool.InternUtf8("amount"u8), name);
    }

    [Theory]
    [InlineData("\"amounts\":1")]
    [InlineData("\"amoun\":1")]
    [InlineData("\"amount")]
    [InlineData("amount\":1")]
    [InlineData("\"amount\" :1")]
    [InlineData("\"amount\",1")]
    public void TryMatch_DifferentOrTruncatedToken_DoesNotMatch(string json)
    {
        var names = new PositionalNames();
        names.Remember(0, "amount"u8, new StringPool(), out _);

        Assert.False(names.TryMatch(0, Encoding.UTF8.GetBytes(json), out _, out _, out _));
        Assert.False(names.TryMatch(1, "\"amount\":1"u8, out _, out _, out _));
    }

    [Fact]
    public void Remember_ContractFieldName_IdentifiesTheField()
    {
        var names = new PositionalNames();
        names.Remember(4, "timestamp"u8, new StringPool(), out var field);

        Assert.True(names.TryMatch(4, "\"timestamp\":\"2026-11-25T10:00:00Z\""u8, out _, out _, out var matched));
        Assert.Equal(Field.Timestamp, field);
        Assert.Equal(Field.Timestamp, matched);
    }

    [Fact]
    public void NamesMovingBetweenPositions_AlwaysResolveToTheRightName()
    {
        var pool = new StringPool();
        var names = new PositionalNames();
        string[] all = ["amount", "age", "country", "a", "amounts", "é-name", new string('x', 80)];
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var position = random.Next(70);
            var expected = all[random.Next(all.Length)];
            var token = Encoding.UTF8.GetBytes("\"" + expected + "\":1");

            var actual = names.TryMatch(position, token, out _, out var matched, out _)
                ? matched
                : names.Remember(position, Encoding.UTF8.GetBytes(expected), pool, out _);

            Assert.Equal(expected, actual);
            Assert.Same(pool.InternUtf8(Encoding.UTF8.GetBytes(expected)), actual);
        }
    }
}
