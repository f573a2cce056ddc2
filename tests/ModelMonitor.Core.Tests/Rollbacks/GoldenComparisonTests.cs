using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Core.Tests.Rollbacks;

public sealed class GoldenComparisonTests
{
    [Theory]
    [InlineData("""{"score":0.5}""", """{"score":0.509,"version":"1.0"}""", 0.01)]
    [InlineData("""[1,2,3]""", """[1.0,2.0,3.0]""", 0)]
    [InlineData("""{"label":"fraud","ok":true,"x":null}""", """{"label":"fraud","ok":true,"x":null}""", 0)]
    [InlineData("""{"a":{"b":[0.1,"c"]}}""", """{"a":{"b":[0.1000001,"c"],"extra":1}}""", 0.001)]
    public void FindMismatch_MatchingResponse_ReturnsNull(string expected, string actual, double tolerance) =>
        Assert.Null(GoldenComparison.FindMismatch(expected, actual, tolerance));

    [Theory]
    [InlineData("""{"score":0.5}""", """{"score":0.52}""", 0.01, "$.score: expected 0.5 ± 0.01, got 0.52")]
    [InlineData("""{"label":"fraud"}""", """{"label":"Fraud"}""", 0.5, "$.label: expected \"fraud\", got \"Fraud\"")]
    [InlineData("""{"score":0.5}""", """{"other":1}""", 0, "$.score: missing from the response")]
    [InlineData("""[1,2]""", """[1,2,3]""", 0, "$: expected 2 items, got 3")]
    [InlineData("""{"a":[1,"x"]}""", """{"a":[1,"y"]}""", 0, "$.a[1]: expected \"x\", got \"y\"")]
    [InlineData("""{"ok":true}""", """{"ok":false}""", 0, "$.ok: expected true, got false")]
    [InlineData("""1""", """ "1" """, 1, "$: expected a number 1, got \"1\"")]
    [InlineData("""{"s":1}""", "not json", 0, "$: the response is not JSON")]
    public void FindMismatch_DifferentResponse_NamesThePath(string expected, string actual, double tolerance, string message) =>
        Assert.Equal(message, GoldenComparison.FindMismatch(expected, actual, tolerance));

    [Fact]
    public void Parse_GoldenLines_ReadsInputExpectedAndTolerance_AndNamesBadLines()
    {
        var good = GoldenExamplesParser.Parse("""{"input":{"a":1},"expected":{"s":0.5},"tolerance":0.01}""" + "\n\n" + """{"input":[1],"expected":"x"}""");
        Assert.Empty(good.Errors);
        Assert.Equal(2, good.Examples.Count);
        Assert.Equal(("""{"a":1}""", """{"s":0.5}""", 0.01, 1), (good.Examples[0].Input, good.Examples[0].Expected, good.Examples[0].Tolerance, good.Examples[0].Line));
        Assert.Equal((0.0, 3), (good.Examples[1].Tolerance, good.Examples[1].Line));

        var bad = GoldenExamplesParser.Parse("""{"input":{}}""" + "\n" + "{oops" + "\n" + """{"input":1,"expected":1,"tolerance":-1}""");
        Assert.Empty(bad.Examples);
        Assert.Equal(3, bad.Errors.Count);
        Assert.StartsWith("line 1: expected an object with \"input\" and \"expected\"", bad.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 2: not valid JSON", bad.Errors[1], StringComparison.Ordinal);
        Assert.Equal("line 3: tolerance must be a non-negative number", bad.Errors[2]);
        Assert.Equal(["no golden examples: at least one line is needed to validate a slot"], GoldenExamplesParser.Parse("\n").Errors);
    }
}
