namespace ModelMonitor.Contract;

/// <summary>The event kinds a field belongs to or is required in.</summary>
[Flags]
public enum ContractEventKinds : byte
{
    None = 0,
    Prediction = 1,
    Outcome = 2,
    Both = Prediction | Outcome,
}
