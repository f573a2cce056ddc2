using System.CommandLine;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;

namespace ModelMonitor.Cli.Commands;

/// <summary>Options shared by several commands. One instance per command tree: System.CommandLine symbols are not shareable.</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--storage</c>, on every command. <value>Default <c>UseDevelopmentStorage=true</c> (Azurite).</value></summary>
    public Option<string> Storage { get; } = new("--storage")
    {
        Description = "Storage connection string of the monitoring account",
        HelpName = "CONNECTION",
        Recursive = true,
        DefaultValueFactory = _ => CliStorage.DevelopmentStorage,
    };

    /// <summary>A new <c>--format json|table</c> option. <value>Default json.</value></summary>
    public static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output on stdout: one line of JSON for scripts, or tables for people",
            DefaultValueFactory = _ => "json",
        };
        option.AcceptOnlyFromAmong("json", "table");
        return option;
    }

    public static OutputFormat ParseFormat(string? value) =>
        string.Equals(value, "table", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Table : OutputFormat.Json;
}
