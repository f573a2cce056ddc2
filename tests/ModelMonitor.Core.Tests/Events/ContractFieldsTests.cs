using System.Text;
using ModelMonitor.Contract;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Events;

/// <summary>The contract table is complete and every row has somewhere to land in both parsers.</summary>
public sealed class ContractFieldsTests
{
    [Fact]
    public void Table_HasOneRowPerField_InEnumOrder()
    {
        var fields = Enum.GetValues<ContractField>().Where(f => f != ContractField.Unknown).ToArray();
        Assert.Equal(fields, ContractFields.All.ToArray().Select(r => r.Field));
        foreach (var field in fields)
        {
            Assert.Same(ContractFields.Spec(field), ContractFields.All[(int)field - 1]);
        }
    }

    [Fact]
    public void Identify_EveryName_ReturnsItsField_AndNearMissesAreUnknown()
    {
        foreach (var row in ContractFields.All)
        {
            Assert.Equal(row.Field, ContractFields.Identify(Encoding.UTF8.GetBytes(row.Name)));
            Assert.Equal(ContractField.Unknown, ContractFields.Identify(Encoding.UTF8.GetBytes(row.Name.ToUpperInvariant())));
            Assert.Equal(ContractField.Unknown, ContractFields.Identify(Encoding.UTF8.GetBytes(row.Name + "x")));
        }

        Assert.Equal(ContractField.Unknown, ContractFields.Identify([]));
        Assert.Equal(ContractField.Unknown, ContractFields.Identify(Encoding.UTF8.GetBytes(new string('a', 300))));
    }

    [Fact]
    public void EveryRow_HasASlotOfItsKindInTheDraft()
    {
        var draft = new EventDraft();
        foreach (var row in ContractFields.All)
        {
            // Throws for a row added to the table without a place for its value.
            switch (row.Kind)
            {
                case FieldKind.Text: draft.Text(row.Field) = "x"; break;
                case FieldKind.Timestamp: draft.Time(row.Field) = DateTimeOffset.UnixEpoch; break;
                case FieldKind.Scalar: draft.Scalar(row.Field) = FieldValue.FromNumber(1); break;
                case FieldKind.Number: draft.Number(row.Field) = 1; break;
                case FieldKind.StringArray: draft.Strings(row.Field) = []; break;
                case FieldKind.EventId or FieldKind.Features or FieldKind.UpstreamArray: break;
                default: Assert.Fail($"{row.Name}: kind {row.Kind} is read by neither parser"); break;
            }
        }
    }

    [Fact]
    public void RequiredFields_AreTheSameForBothKinds_AndEachIsReportedMissingByName()
    {
        string[] required = ["schema", "eventId", "modelId", "modelVersion", "timestamp"];
        Assert.Equal(required, ContractFields.RequiredIn(ContractEventKinds.Prediction).ToArray().Select(r => r.Name));
        Assert.Equal(required, ContractFields.RequiredIn(ContractEventKinds.Outcome).ToArray().Select(r => r.Name));

        var full = new Dictionary<string, string>
        {
            ["schema"] = "\"outcome/v1\"", ["eventId"] = "\"e\"", ["modelId"] = "\"m\"", ["modelVersion"] = "\"1\"",
            ["timestamp"] = "\"2026-11-25T10:00:00Z\"",
        };
        foreach (var missing in required.Skip(1))
        {
            var body = "{" + string.Join(",", full.Where(p => p.Key != missing).Select(p => $"\"{p.Key}\":{p.Value}")) + "}";
            var results = new List<ParseResult>();
            new EventParser().Parse(Encoding.UTF8.GetBytes(body), new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero), results);
            Assert.Equal($"missing-field: {missing} is required", Assert.Single(results).Error);
        }
    }
}
