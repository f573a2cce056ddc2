namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>A golden test cannot pass on a fixture that is missing or lost its cases.</summary>
public sealed class GoldenFixtureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("golden-").FullName;

    [Theory]
    [InlineData("""{"cases":[]}""")]
    [InlineData("""{"points":[]}""")]
    [InlineData("""{"generator":"x"}""")]
    [InlineData("""{"cases":[{"name":"only one"}]}""")]
    public void LoadFrom_FewerCasesThanExpected_Throws(string json)
    {
        string path = Path.Combine(_directory, "f.json");
        File.WriteAllText(path, json);

        Assert.Throws<InvalidDataException>(() => GoldenFixture.LoadFrom<ChiSquareTestGoldenTests.File>(path, minimumCases: 2));
    }

    [Fact]
    public void LoadFrom_MissingFile_Throws() =>
        Assert.Throws<FileNotFoundException>(() => GoldenFixture.LoadFrom<ChiSquareTestGoldenTests.File>(Path.Combine(_directory, "absent.json"), 1));

    [Fact]
    public void LoadFrom_EnoughCases_Loads()
    {
        string path = Path.Combine(_directory, "f.json");
        File.WriteAllText(path, """{"cases":[{"name":"a"},{"name":"b"}]}""");

        Assert.Equal(["a", "b"], GoldenFixture.LoadFrom<ChiSquareTestGoldenTests.File>(path, 2).Cases.Select(c => c.Name));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
