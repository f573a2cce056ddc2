using System.Globalization;
using System.Text.Json;
using System.Xml;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Rollbacks;

/// <summary>
/// Parses and validates the rollback configuration (the CLI's file, or a model's <c>rollback</c> policy section).
/// Strict: unknown properties are errors, so a typo cannot silently disable approval. Every problem is reported at once,
/// each with its JSON path.
/// </summary>
public static class RollbackConfigParser
{
    private static readonly string[] TopLevel = ["armEndpoint", "targets", "notifications"];

    private static readonly string[] TargetProperties =
    [
        "subscriptionId", "resourceGroup", "site", "standbySlot", "productionBaseUrl", "standbyBaseUrl", "scoringPath",
        "healthPath", "goldenExamples", "approval", "approvalTimeout", "onApprovalTimeout", "verifyMinutes", "onAzureMonitorAlert", "autoRollback",
    ];

    private static readonly string[] AutoRollbackProperties = ["kinds", "minSeverity", "dryRun"];

    private static readonly string[] AlertKinds =
    [
        AlertKind.FeatureDrift, AlertKind.PredictionDrift, AlertKind.DatasetDrift, AlertKind.LabelShift, AlertKind.DataQuality,
        AlertKind.ModelQuality, AlertKind.UsageSwing, AlertKind.ComputationalRegression, AlertKind.ErrorRate,
    ];

    private static readonly string[] ChannelProperties = ["type", "url", "secretSetting", "minSeverity"];
    private static readonly string[] ChannelTypes = ["teams", "slack", "webhook", "file"];
    private static readonly string[] Severities = ["info", "warning", "error", "critical"];

    public static RollbackConfigResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return new RollbackConfigResult(null, [$"$: not valid JSON ({ex.Message})"]);
        }

        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new RollbackConfigResult(null, ["$: expected an object"]);
            }

            RejectUnknown(root, "$", TopLevel, errors);
            var arm = RollbackConfig.PublicCloudArm;
            if (root.TryGetProperty("armEndpoint", out var armElement))
            {
                arm = ReadUrl(armElement, "$.armEndpoint", errors) ?? arm;
            }

            var targets = new Dictionary<string, RollbackTarget>(StringComparer.Ordinal);
            if (!root.TryGetProperty("targets", out var targetsElement) || targetsElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$.targets: required, an object of targets by model id");
            }
            else
            {
                foreach (var property in targetsElement.EnumerateObject())
                {
                    var path = $"$.targets.{property.Name}";
                    if (!Identifiers.IsValidPathId(property.Name))
                    {
                        errors.Add($"{path}: model id must match [A-Za-z0-9._-]{{1,64}}");
                        continue;
                    }

                    var target = ReadTarget(property.Value, path, errors);
                    if (target is not null)
                    {
                        targets[property.Name] = target;
                    }
                }
            }

            var channels = new List<NotificationChannelConfig>();
            if (root.TryGetProperty("notifications", out var channelsElement))
            {
                if (channelsElement.ValueKind != JsonValueKind.Array)
                {
                    errors.Add("$.notifications: expected an array");
                }
                else
                {
                    var index = 0;
                    foreach (var item in channelsElement.EnumerateArray())
                    {
                        var channel = ReadChannel(item, $"$.notifications[{index++}]", errors);
                        if (channel is not null)
                        {
                            channels.Add(channel);
                        }
                    }
                }
            }

            return errors.Count > 0
                ? new RollbackConfigResult(null, errors)
                : new RollbackConfigResult(new RollbackConfig(arm, targets, channels), []);
        }
    }

    private static RollbackTarget? ReadTarget(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object");
            return null;
        }

        var before = errors.Count;
        RejectUnknown(element, path, TargetProperties, errors);
        var subscription = RequiredString(element, "subscriptionId", path, errors);
        var resourceGroup = RequiredString(element, "resourceGroup", path, errors);
        var site = RequiredString(element, "site", path, errors);
        var standby = OptionalString(element, "standbySlot", path, errors) ?? "staging";
        if (string.Equals(standby, "production", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{path}.standbySlot: must not be production (the swap always targets production)");
        }

        foreach (var (name, value) in new[] { ("subscriptionId", subscription), ("resourceGroup", resourceGroup), ("site", site), ("standbySlot", standby) })
        {
            // They become ARM path segments: nothing that could escape one.
            if (value is not null && value.AsSpan().IndexOfAny("/?#%\\ ") >= 0)
            {
                errors.Add($"{path}.{name}: must not contain '/', '?', '#', '%', '\\' or spaces");
            }
        }

        var production = element.TryGetProperty("productionBaseUrl", out var p) ? ReadUrl(p, $"{path}.productionBaseUrl", errors) : Missing<Uri>($"{path}.productionBaseUrl", errors);
        var standbyUrl = element.TryGetProperty("standbyBaseUrl", out var s) ? ReadUrl(s, $"{path}.standbyBaseUrl", errors) : Missing<Uri>($"{path}.standbyBaseUrl", errors);
        var scoringPath = ReadPath(element, "scoringPath", "/score", path, errors);
        var healthPath = ReadPath(element, "healthPath", "/health", path, errors);
        var golden = RequiredString(element, "goldenExamples", path, errors);
        var approval = ReadEnum(element, "approval", path, ApprovalPolicy.Required, errors,
            ("none", ApprovalPolicy.None), ("required", ApprovalPolicy.Required), ("required-below-critical", ApprovalPolicy.RequiredBelowCritical));
        var timeout = TimeSpan.FromMinutes(30);
        if (OptionalString(element, "approvalTimeout", path, errors) is { } timeoutText)
        {
            try
            {
                timeout = XmlConvert.ToTimeSpan(timeoutText);
                if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromDays(7))
                {
                    errors.Add($"{path}.approvalTimeout: must be positive and at most 7 days (P7D)");
                }
            }
            catch (FormatException)
            {
                errors.Add($"{path}.approvalTimeout: expected an ISO-8601 duration such as PT30M, got '{timeoutText}'");
            }
        }

        var onTimeout = ReadEnum(element, "onApprovalTimeout", path, ApprovalTimeoutAction.Abort, errors,
            ("abort", ApprovalTimeoutAction.Abort), ("proceed", ApprovalTimeoutAction.Proceed));
        var verifyMinutes = 5;
        if (element.TryGetProperty("verifyMinutes", out var verify))
        {
            if (verify.ValueKind != JsonValueKind.Number || !verify.TryGetInt32(out verifyMinutes) || verifyMinutes < 0 || verifyMinutes > 240)
            {
                errors.Add($"{path}.verifyMinutes: expected an integer from 0 to 240");
            }
        }

        var onAlert = ReadEnum(element, "onAzureMonitorAlert", path, AzureMonitorAlertAction.Rollback, errors,
            ("rollback", AzureMonitorAlertAction.Rollback), ("record", AzureMonitorAlertAction.Record));
        var auto = element.TryGetProperty("autoRollback", out var autoElement) ? ReadAutoRollback(autoElement, $"{path}.autoRollback", errors) : null;
        if (errors.Count > before)
        {
            return null;
        }

        return new RollbackTarget(subscription!, resourceGroup!, site!, standby, production!, standbyUrl!, scoringPath, healthPath, golden!,
            approval, timeout, onTimeout, verifyMinutes, onAlert, auto);
    }

    private static AutoRollbackPolicy? ReadAutoRollback(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object");
            return null;
        }

        var before = errors.Count;
        RejectUnknown(element, path, AutoRollbackProperties, errors);
        var kinds = new List<string>();
        if (!element.TryGetProperty("kinds", out var kindsElement) || kindsElement.ValueKind != JsonValueKind.Array || kindsElement.GetArrayLength() == 0)
        {
            errors.Add($"{path}.kinds: required, a non-empty array of alert kinds ({string.Join(", ", AlertKinds)}), each optionally kind/subkind");
        }
        else
        {
            var index = 0;
            foreach (var item in kindsElement.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                var kind = text?.Split('/', 2)[0];
                if (kind is null || !AlertKinds.Contains(kind, StringComparer.Ordinal) || text!.EndsWith('/'))
                {
                    errors.Add($"{path}.kinds[{index}]: expected one of {string.Join(", ", AlertKinds)} (optionally kind/subkind), got {item.GetRawText()}");
                }
                else
                {
                    kinds.Add(text);
                }

                index++;
            }
        }

        var severity = ReadEnum(element, "minSeverity", path, Severity.Critical, errors,
            ("info", Severity.Info), ("warning", Severity.Warning), ("error", Severity.Error), ("critical", Severity.Critical));
        var dryRun = true;
        if (element.TryGetProperty("dryRun", out var dry))
        {
            if (dry.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add($"{path}.dryRun: expected true or false");
            }
            else
            {
                dryRun = dry.GetBoolean();
            }
        }

        return errors.Count > before ? null : new AutoRollbackPolicy(kinds, severity, dryRun);
    }

    private static NotificationChannelConfig? ReadChannel(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object");
            return null;
        }

        var before = errors.Count;
        RejectUnknown(element, path, ChannelProperties, errors);
        var type = RequiredString(element, "type", path, errors);
        if (type is not null && !ChannelTypes.Contains(type, StringComparer.Ordinal))
        {
            errors.Add($"{path}.type: expected one of {string.Join(", ", ChannelTypes)}, got '{type}'");
        }

        var url = RequiredString(element, "url", path, errors);
        if (url is not null && type is not null && type != "file" && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add($"{path}.url: expected an absolute http(s) URL");
        }

        var secret = OptionalString(element, "secretSetting", path, errors);
        var severity = OptionalString(element, "minSeverity", path, errors) ?? "info";
        if (!Severities.Contains(severity, StringComparer.Ordinal))
        {
            errors.Add($"{path}.minSeverity: expected one of {string.Join(", ", Severities)}, got '{severity}'");
        }

        return errors.Count > before ? null : new NotificationChannelConfig(type!, url!, secret, severity);
    }

    private static void RejectUnknown(JsonElement element, string path, string[] known, List<string> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add($"{path}.{property.Name}: unknown property (expected {string.Join(", ", known)})");
            }
        }
    }

    private static string? RequiredString(JsonElement element, string name, string path, List<string> errors)
    {
        if (!element.TryGetProperty(name, out _))
        {
            errors.Add($"{path}.{name}: required");
            return null;
        }

        return OptionalString(element, name, path, errors);
    }

    private static string? OptionalString(JsonElement element, string name, string path, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add($"{path}.{name}: expected a non-empty string");
            return null;
        }

        return value.GetString();
    }

    private static string ReadPath(JsonElement element, string name, string fallback, string path, List<string> errors)
    {
        var value = OptionalString(element, name, path, errors) ?? fallback;
        if (!value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal) || value.Contains("..", StringComparison.Ordinal))
        {
            errors.Add($"{path}.{name}: expected an absolute path such as {fallback}");
        }

        return value;
    }

    private static Uri? ReadUrl(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(element.GetString(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query))
        {
            errors.Add($"{path}: expected an absolute http(s) URL without a query");
            return null;
        }

        return uri;
    }

    private static T? Missing<T>(string path, List<string> errors)
        where T : class
    {
        errors.Add($"{path}: required");
        return null;
    }

    private static TEnum ReadEnum<TEnum>(JsonElement element, string name, string path, TEnum fallback, List<string> errors, params (string Name, TEnum Value)[] values)
    {
        var text = OptionalString(element, name, path, errors);
        if (text is null)
        {
            return fallback;
        }

        foreach (var (candidate, value) in values)
        {
            if (string.Equals(candidate, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{name}: expected one of {string.Join("|", values.Select(v => v.Name))}, got '{text}'"));
        return fallback;
    }
}
