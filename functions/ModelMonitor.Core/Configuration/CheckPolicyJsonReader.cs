using System.Text.Json;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Configuration;

/// <summary>Typed reads of flattened "checks" values for <see cref="CheckPolicyJson"/>; each wrong value adds "path: reason".</summary>
internal sealed class CheckPolicyJsonReader(Dictionary<string, JsonElement> values, List<string> errors)
{
    public double Number(string path, double fallback)
    {
        if (!values.TryGetValue(path, out JsonElement e))
        {
            return fallback;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"{path}: must be a finite number");
        return fallback;
    }

    public int Int(string path, int fallback)
    {
        if (!values.TryGetValue(path, out JsonElement e))
        {
            return fallback;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value))
        {
            return value;
        }

        errors.Add($"{path}: must be an integer");
        return fallback;
    }

    public bool Bool(string path, bool fallback)
    {
        if (!values.TryGetValue(path, out JsonElement e))
        {
            return fallback;
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        errors.Add($"{path}: must be true or false");
        return fallback;
    }

    public Severity Severity(string path, Severity fallback)
    {
        if (!values.TryGetValue(path, out JsonElement e))
        {
            return fallback;
        }

        if (e.ValueKind == JsonValueKind.String && Enum.TryParse(e.GetString(), ignoreCase: true, out Severity value) && Enum.IsDefined(value)
            && !int.TryParse(e.GetString(), out _))
        {
            return value;
        }

        errors.Add($"{path}: must be one of info, warning, error, critical");
        return fallback;
    }

    public List<string> Kinds(string path)
    {
        if (!values.TryGetValue(path, out JsonElement e))
        {
            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: must be an array of alert kinds");
            return [];
        }

        var kinds = new List<string>();
        int i = 0;
        foreach (JsonElement item in e.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && AlertKind.All.Contains(item.GetString()))
            {
                kinds.Add(item.GetString()!);
            }
            else
            {
                errors.Add($"{path}[{i}]: unknown alert kind (known: {string.Join(", ", AlertKind.All)})");
            }

            i++;
        }

        return kinds;
    }

    /// <summary>Runs a policy constructor; its argument exceptions become errors at <paramref name="path"/>.</summary>
    public T? Build<T>(string path, Func<T> build)
        where T : class
    {
        int before = errors.Count;
        try
        {
            T built = build();
            return errors.Count == before ? built : null;
        }
        catch (ArgumentException ex)
        {
            string parameter = ex.ParamName is null ? string.Empty : $".{ex.ParamName}";
            errors.Add($"{path}{parameter}: {FirstLine(ex.Message)}");
            return null;
        }
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n', '(']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
