using System.Text;
using System.Text.Json;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Cli.Rollbacks;

/// <summary>A rollback's outcome as the CLI prints it: <c>{"outcome","from","to","steps":[{"name","status","at","detail"}]}</c>, or as lines.</summary>
internal static class RollbackOutcomeOutput
{
    /// <summary>Exit code 0 only for these.</summary>
    public static bool IsSuccess(RollbackOutcome outcome) => outcome.Outcome is RollbackOutcome.RolledBack or RollbackOutcome.DryRun;

    public static string ToJson(RollbackOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("outcome", outcome.Outcome);
            writer.WriteString("from", outcome.From);
            writer.WriteString("to", outcome.To);
            writer.WriteStartArray("steps");
            foreach (var step in outcome.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("name", step.Name);
                writer.WriteString("status", step.Status);
                writer.WriteString("at", step.At);
                writer.WriteString("detail", step.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ToLines(RollbackOutcome outcome, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        text.Append(indent).Append("rollback ").Append(outcome.Outcome).Append(": from ").Append(outcome.From ?? "?").Append(" to ").Append(outcome.To ?? "?").Append('\n');
        foreach (var step in outcome.Steps)
        {
            text.Append(indent).Append("  ").Append(step.At).Append(' ').Append(step.Name).Append(' ').Append(step.Status).Append(": ").Append(step.Detail).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
