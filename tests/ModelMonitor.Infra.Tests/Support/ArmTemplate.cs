using System.Text.Json;

namespace ModelMonitor.Infra.Tests.Support;

/// <summary>Walks compiled ARM JSON: resources as an array (languageVersion 1) or keyed by symbolic name (2.0).</summary>
internal static class ArmTemplate
{
    public static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            return [];
        }

        return resources.ValueKind switch
        {
            JsonValueKind.Array => resources.EnumerateArray().ToList(),
            JsonValueKind.Object => resources.EnumerateObject().Select(property => property.Value).ToList(),
            _ => [],
        };
    }

    /// <summary>The template itself and, depth first, the inline templates of its nested deployments (Bicep modules).</summary>
    public static IEnumerable<JsonElement> SelfAndNestedTemplates(JsonElement template)
    {
        yield return template;
        foreach (var resource in Resources(template))
        {
            if (TypeOf(resource) == "Microsoft.Resources/deployments"
                && resource.TryGetProperty("properties", out var properties)
                && properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in SelfAndNestedTemplates(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static string? TypeOf(JsonElement resource) =>
        resource.TryGetProperty("type", out var type) ? type.GetString() : null;

    /// <summary>The template among <paramref name="template"/> and its modules that declares a resource of <paramref name="resourceType"/>.</summary>
    public static JsonElement SingleTemplateDeclaring(JsonElement template, string resourceType)
    {
        var matches = SelfAndNestedTemplates(template)
            .Where(candidate => Resources(candidate).Any(resource => TypeOf(resource) == resourceType))
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one template declaring {resourceType}, found {matches.Count}.");
    }

    /// <summary>An object-valued template variable as name/value pairs (values may be ARM expressions).</summary>
    public static IReadOnlyDictionary<string, string> ObjectVariable(JsonElement template, string name)
    {
        if (!template.TryGetProperty("variables", out var variables)
            || !variables.TryGetProperty(name, out var variable)
            || variable.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException(
                $"The template has no object variable '{name}' (a value with resource references is inlined instead of emitted).");
        }

        return variable.EnumerateObject().ToDictionary(
            property => property.Name,
            property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText(),
            StringComparer.Ordinal);
    }
}
