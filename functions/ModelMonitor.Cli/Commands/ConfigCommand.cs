using System.CommandLine;
using System.Text.Json;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor config get --model ID [--section checks|notifications|rollback]</c> and
/// <c>modelmonitor config set --model ID --section S --file FILE.json</c>: the per-model policy store (the <c>config</c>
/// table; <c>*</c> holds the defaults). <c>get</c> prints one section's document, or <c>{"checks":…,…}</c> with every
/// stored section. <c>set</c> validates with the parser the service reads the section with (<see cref="CheckPolicyJson"/>,
/// <see cref="NotificationPolicy"/>, <see cref="RollbackConfigParser"/>); invalid input exits 2 with the parser's
/// messages and writes nothing.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var command = new Command("config", "Read or write a model's policy (checks, notifications, rollback)");
        command.Subcommands.Add(Get(context, global));
        command.Subcommands.Add(Set(context, global));
        return command;
    }

    private static Option<string> ModelOption() => new("--model") { Description = "Model id, or * for the defaults of every model", HelpName = "ID", Required = true };

    private static Option<string> SectionOption(bool required)
    {
        var option = new Option<string>("--section") { Description = "Section of the policy", Required = required };
        option.AcceptOnlyFromAmong([.. ConfigSections.All]);
        return option;
    }

    private static Command Get(CliContext context, GlobalOptions global)
    {
        var model = ModelOption();
        var section = SectionOption(required: false);
        var command = new Command("get", "Print a model's policy: one section, or all stored sections") { model, section };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = RequireModel(parse.GetRequiredValue(model));
            var store = await StoreAsync(context, parse.GetRequiredValue(global.Storage), cancellationToken);
            if (parse.GetValue(section) is { } name)
            {
                var document = await store.GetAsync(id, name, cancellationToken);
                await context.Out.WriteLineAsync(document is null ? "null" : Compact(document.Json));
                return ExitCodes.Success;
            }

            var parts = new List<string>();
            await foreach (var document in store.ListAsync(id, cancellationToken))
            {
                if (ConfigSections.All.Contains(document.Section))
                {
                    parts.Add($"{JsonSerializer.Serialize(document.Section)}:{Compact(document.Json)}");
                }
            }

            await context.Out.WriteLineAsync("{" + string.Join(',', parts) + "}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Set(CliContext context, GlobalOptions global)
    {
        var model = ModelOption();
        var section = SectionOption(required: true);
        var file = new Option<FileInfo>("--file") { Description = "JSON document of the section", HelpName = "FILE.json", Required = true };
        var command = new Command("set", "Validate a section's JSON and write it to the policy store") { model, section, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = RequireModel(parse.GetRequiredValue(model));
            var name = parse.GetRequiredValue(section);
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                throw new CliUsageException($"--file: '{path.FullName}' does not exist.");
            }

            var json = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            if (json.Length > TableModelConfigStore.MaxDocumentChars)
            {
                throw new CliUsageException($"--file: a policy document holds at most {TableModelConfigStore.MaxDocumentChars} characters; this one has {json.Length}.");
            }

            var errors = Validate(name, json);
            if (errors.Count > 0)
            {
                throw new CliUsageException($"the {name} policy is invalid: {string.Join("; ", errors)}");
            }

            var store = await StoreAsync(context, parse.GetRequiredValue(global.Storage), cancellationToken);
            var stored = await store.PutAsync(id, name, Compact(json), cancellationToken: cancellationToken);
            await context.Out.WriteLineAsync($"{{\"modelId\":{JsonSerializer.Serialize(id)},\"section\":{JsonSerializer.Serialize(name)},\"version\":{JsonSerializer.Serialize(stored.Version)}}}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The same parsers the service reads each section with; empty when valid.</summary>
    internal static IReadOnlyList<string> Validate(string section, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ["$: must be a JSON object"];
            }
        }
        catch (JsonException ex)
        {
            return [$"$: not valid JSON ({ex.Message})"];
        }

        return section switch
        {
            ConfigSections.Checks => CheckPolicyJson.Parse(json).Errors,
            ConfigSections.Notifications => NotificationPolicy.Parse(json).Errors,
            ConfigSections.Rollback => RollbackConfigParser.Parse(json).Errors,
            _ => [$"unknown section '{section}'"],
        };
    }

    private static string RequireModel(string id) =>
        id == ConfigSections.DefaultModel || Identifiers.IsValidPathId(id) ? id : throw new CliUsageException($"--model: '{id}' is not a valid model id.");

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    private static async Task<TableModelConfigStore> StoreAsync(CliContext context, string connection, CancellationToken cancellationToken)
    {
        var storage = CliStorage.Connect(connection, context.TimeProvider);
        var table = storage.Clients.Table(TableModelConfigStore.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return new TableModelConfigStore(table);
    }
}
