using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Events;

public class FastDoubleTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("12.5")]
    [InlineData("-0.8731")]
    [InlineData("0.1")]
    [InlineData("9007199254740991")]
    [InlineData("123456789.123456")]
    [InlineData("0.0000000000000000000001")]
    public void TryParse_PlainDecimal_EqualsTheFullParser(string text)
    {
        Assert.True(FastDouble.TryParse(Encoding.ASCII.GetBytes(text), out var fast));
        var expected = double.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(fast));
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("9007199254740993")]
    [InlineData("0.00000000000000000000001")]
    [InlineData("")]
    [InlineData("-")]
    public void TryParse_OutsideTheExactFastPath_Declines(string text)
    {
        Assert.False(FastDouble.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void TryParse_RandomDecimals_AreBitIdenticalToDoubleParse()
    {
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).Two().Select(t => (t.Item1, t.Item2)).ToArbitrary(),
            pair =>
            {
                var (whole, fraction) = pair;
                var text = $"{(whole % 2 == 0 ? "-" : "")}{whole % 100000}.{fraction}";
                var accepted = FastDouble.TryParse(Encoding.ASCII.GetBytes(text), out var fast);
                return !accepted || BitConverter.DoubleToInt64Bits(fast) == BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture));
            }).QuickCheckThrowOnFailure();
    }
}
