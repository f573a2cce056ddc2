namespace ModelMonitor.Cli.Demo;

/// <summary>A message as a producer sends it: when it reaches the hub, its partition key and its body.</summary>
internal readonly record struct SyntheticMessage(DateTimeOffset Arrival, string PartitionKey, byte[] Body);
