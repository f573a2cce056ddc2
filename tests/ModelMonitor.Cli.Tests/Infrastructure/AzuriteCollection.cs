namespace ModelMonitor.Cli.Tests.Infrastructure;

/// <summary>Integration tests against Azurite share one fixture and run one class at a time (two cores).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
