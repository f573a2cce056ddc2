using System.Text.Json;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Lineage;

namespace ModelMonitor.Cli.Replay;

/// <summary>
/// A replay's <c>--config POLICY.json</c>: model id (or <c>*</c> for every model) to that model's sections, as
/// <c>PUT /api/models/{id}/config</c> takes them, e.g.
/// <c>{"*":{"checks":{"persistence":{"required":1}},"lineage":{"edges":[{"upstream":"embedder","downstream":"pricing"}]}}}</c>.
/// The <c>checks</c> and <c>lineage</c> sections are validated here; anything wrong is a usage error naming its path.
/// </summary>
internal static class ReplayPolicyFile
{
    public static IReadOnlyDictionary<(string ModelId, string Section), string> Read(FileInfo file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--config file cannot be read: {ex.Message}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"--config is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Bad("$", "expected an object of model ids (or \"*\") to their sections");
            }

            var documents = new Dictionary<(string, string), string>();
            foreach (var model in document.RootElement.EnumerateObject())
            {
                if (model.Name != ConfigSections.DefaultModel && !Identifiers.IsValidPathId(model.Name))
                {
                    throw Bad($"$.{model.Name}", "not a model id ([A-Za-z0-9._-]{1,64}) or \"*\"");
                }

                if (model.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Bad($"$.{model.Name}", "expected an object of sections");
                }

                foreach (var section in model.Value.EnumerateObject())
                {
                    var path = $"$.{model.Name}.{section.Name}";
                    if (!ConfigSections.All.Contains(section.Name))
                    {
                        throw Bad(path, $"unknown section (known: {string.Join(", ", ConfigSections.All)})");
                    }

                    var json = section.Value.GetRawText();
                    Validate(path, section.Name, model.Name, json);
                    documents[(model.Name, section.Name)] = json;
                }
            }

            return documents;
        }
    }

    private static void Validate(string path, string section, string model, string json)
    {
        switch (section)
        {
            case ConfigSections.Checks when CheckPolicyJson.Parse(json) is { IsValid: false } parsed:
                throw Bad(path, string.Join("; ", parsed.Errors));
            case ConfigSections.Lineage when model != ConfigSections.DefaultModel:
                throw Bad(path, "lineage is one graph: give it under \"*\"");
            case ConfigSections.Lineage when LineageConfigJson.TryParse(json, out var error) is null:
                throw Bad(path, error ?? "invalid");
        }
    }

    private static CliUsageException Bad(string path, string reason) => new($"--config {path}: {reason}");
}
