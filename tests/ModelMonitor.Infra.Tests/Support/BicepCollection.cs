namespace ModelMonitor.Infra.Tests.Support;

/// <summary>Tests that need the compiled templates share one <see cref="BicepBuildFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepBuildFixture>
{
    public const string Name = "Bicep CLI";
}
