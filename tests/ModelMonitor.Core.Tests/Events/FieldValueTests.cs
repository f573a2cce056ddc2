using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Events;

/// <summary>FieldValue encodes its kind in its reference field; the encoding must not leak into what callers see.</summary>
public class FieldValueTests
{
    public static TheoryData<string, FieldValue, ValueKind, double, string?> Values => new()
    {
        { "null", FieldValue.Null, ValueKind.Null, double.NaN, null },
        { "default", default, ValueKind.Null, double.NaN, null },
        { "number", FieldValue.FromNumber(2.5), ValueKind.Number, 2.5, null },
        { "NaN", FieldValue.FromNumber(double.NaN), ValueKind.Number, double.NaN, null },
        { "true", FieldValue.FromBoolean(true), ValueKind.Boolean, 1, "true" },
        { "false", FieldValue.FromBoolean(false), ValueKind.Boolean, 0, "false" },
        { "string", FieldValue.FromString("DE"), ValueKind.String, double.NaN, "DE" },
        { "string true", FieldValue.FromString("true"), ValueKind.String, double.NaN, "true" },
        { "empty string", FieldValue.FromString(""), ValueKind.String, double.NaN, "" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void EachKind_ReadsBackAsBuilt(string name, FieldValue value, ValueKind kind, double number, string? text)
    {
        Assert.True(kind == value.Kind, name);
        Assert.Equal(number, value.Number);
        Assert.Equal(text, value.Text);
        Assert.Equal(kind == ValueKind.Null, value.IsNull);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FromString_OfABooleansText_IsAString(bool flag)
    {
        var text = FieldValue.FromBoolean(flag).Text!;

        var value = FieldValue.FromString(text);

        Assert.Equal(ValueKind.String, value.Kind);
        Assert.True(double.IsNaN(value.Number));
        Assert.Equal(FieldValue.FromString(new string(text.AsSpan())), value);
        Assert.NotEqual(FieldValue.FromBoolean(flag), value);
    }

    [Fact]
    public void Equality_ComparesKindNumberAndText()
    {
        Assert.Equal(FieldValue.FromNumber(0.0), FieldValue.FromNumber(-0.0));
        Assert.Equal(FieldValue.FromNumber(0.0).GetHashCode(), FieldValue.FromNumber(-0.0).GetHashCode());
        Assert.Equal(FieldValue.FromNumber(double.NaN), FieldValue.FromNumber(double.NaN));
        Assert.Equal(FieldValue.Null, default);
        Assert.NotEqual(FieldValue.FromNumber(1), FieldValue.FromBoolean(true));
        Assert.NotEqual(FieldValue.FromString("1"), FieldValue.FromNumber(1));
        Assert.True(FieldValue.FromString("a") == FieldValue.FromString(new string('a', 1)));
    }
}
