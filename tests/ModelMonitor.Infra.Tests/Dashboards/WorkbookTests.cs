using System.Text.Json;
using System.Text.RegularExpressions;
using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Dashboards;

/// <summary>infra/dashboards/modelmonitor-workbook.json is a valid workbook over the service's own metrics, and the Bicep deploys it.</summary>
[Collection(BicepCollection.Name)]
public sealed partial class WorkbookTests(BicepBuildFixture fixture)
{
    private const int QueryItemType = 3;
    private const int GroupItemType = 12;

    // The OpenTelemetry instruments the service exports (customMetrics.name).
    private static readonly string[] ServiceMetrics =
    [
        "modelmonitor.ingest.events",
        "modelmonitor.ingest.deadlettered",
        "modelmonitor.drift.score",
        "modelmonitor.alerts.raised",
        "modelmonitor.rollbacks",
    ];

    [Fact]
    public void Workbook_IsNotebookVersionOneJson()
    {
        using var workbook = LoadWorkbook();

        Assert.Equal("Notebook/1.0", workbook.RootElement.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Array, workbook.RootElement.GetProperty("items").ValueKind);
    }

    [Fact]
    public void QueryItems_HaveQueriesOverServiceMetrics()
    {
        using var workbook = LoadWorkbook();
        var queries = QueryItems(workbook.RootElement).ToList();

        Assert.NotEmpty(queries);
        foreach (var (name, query) in queries)
        {
            Assert.False(string.IsNullOrWhiteSpace(query), $"Query item '{name}' has an empty query.");
            Assert.True(
                ServiceMetrics.Any(metric => query.Contains(metric, StringComparison.Ordinal)),
                $"Query item '{name}' references none of {string.Join(", ", ServiceMetrics)}:\n{query}");
        }
    }

    [Fact]
    public void QueryItems_CoverEveryServiceMetric()
    {
        using var workbook = LoadWorkbook();
        var queries = QueryItems(workbook.RootElement).Select(item => item.Query).ToList();

        var uncovered = ServiceMetrics
            .Where(metric => !queries.Any(query => query.Contains($"'{metric}'", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Bicep_DeploysThisWorkbookFile()
    {
        using var template = fixture.LoadMainTemplate();
        var workbookTemplate = ArmTemplate.SingleTemplateDeclaring(template.RootElement, "Microsoft.Insights/workbooks");
        var workbook = Assert.Single(
            ArmTemplate.Resources(workbookTemplate),
            resource => ArmTemplate.TypeOf(resource) == "Microsoft.Insights/workbooks");

        // loadTextContent compiles to a template variable holding the file's text.
        var serializedData = workbook.GetProperty("properties").GetProperty("serializedData").GetString() ?? string.Empty;
        var variable = VariableReference().Match(serializedData);
        Assert.True(variable.Success, $"serializedData is not the loaded file: {serializedData}");
        var loaded = workbookTemplate.GetProperty("variables").GetProperty(variable.Groups["name"].Value).GetString();

        Assert.Equal(File.ReadAllText(RepositoryLayout.Workbook), loaded);
    }

    private static JsonDocument LoadWorkbook() => JsonDocument.Parse(File.ReadAllText(RepositoryLayout.Workbook));

    /// <summary>Query items (type 3), including those inside groups (type 12), as (name, query).</summary>
    private static IEnumerable<(string Name, string Query)> QueryItems(JsonElement container)
    {
        if (!container.TryGetProperty("items", out var items))
        {
            yield break;
        }

        foreach (var item in items.EnumerateArray())
        {
            var type = item.GetProperty("type").GetInt32();
            var content = item.GetProperty("content");
            if (type == QueryItemType)
            {
                var name = item.TryGetProperty("name", out var itemName) ? itemName.GetString() ?? "?" : "?";
                var query = content.TryGetProperty("query", out var text) ? text.GetString() ?? string.Empty : string.Empty;
                yield return (name, query);
            }
            else if (type == GroupItemType)
            {
                foreach (var nested in QueryItems(content))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
