namespace ModelMonitor.Client.Tests.Events;

public class FeatureValueTests
{
    [Fact]
    public void Default_IsNull() => Assert.Equal(FeatureValueKind.Null, default(FeatureValue).Kind);

    [Fact]
    public void ImplicitConversions_ProduceTheMatchingKind()
    {
        FeatureValue number = 2.5, integer = 7, text = "DE", flag = true, nullText = (string?)null, nullNumber = (double?)null, nullFlag = (bool?)null;

        Assert.True(number.TryGetNumber(out var n) && n == 2.5);
        Assert.True(integer.TryGetNumber(out var i) && i == 7);
        Assert.True(text.TryGetString(out var s) && s == "DE");
        Assert.True(flag.TryGetBoolean(out var b) && b);
        Assert.All([nullText, nullNumber, nullFlag], v => Assert.Equal(FeatureValue.Null, v));
    }

    [Fact]
    public void TryGet_OfAnotherKind_ReturnsFalse()
    {
        FeatureValue text = "1";

        Assert.False(text.TryGetNumber(out _));
        Assert.False(text.TryGetBoolean(out _));
        Assert.False(FeatureValue.Null.TryGetString(out _));
    }

    [Fact]
    public void Equality_TreatsNaNAsEqualAndKindsAsDistinct()
    {
        Assert.Equal(FeatureValue.FromNumber(double.NaN), FeatureValue.FromNumber(double.NaN));
        Assert.NotEqual(FeatureValue.FromNumber(1), FeatureValue.FromBoolean(true));
        Assert.NotEqual(FeatureValue.FromString("NaN"), FeatureValue.FromNumber(double.NaN));
    }

    [Fact]
    public void ToString_IsInvariant()
    {
        Assert.Equal("0.1", FeatureValue.FromNumber(0.1).ToString());
        Assert.Equal("true", FeatureValue.FromBoolean(true).ToString());
        Assert.Equal("null", FeatureValue.Null.ToString());
    }
}
