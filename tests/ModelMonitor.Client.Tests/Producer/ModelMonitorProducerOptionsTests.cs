using Azure.Core;
using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests.Producer;

public class ModelMonitorProducerOptionsTests
{
    private const string ConnectionString = "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0;EntityPath=model-events";

    private static readonly ModelMonitorProducerOptions Identity = new()
    {
        FullyQualifiedNamespace = "contoso.servicebus.windows.net",
        EventHubName = "model-events",
        Credential = new StaticTokenCredential(),
    };

    [Fact]
    public void Validate_IdentityOptions_HasNoErrors() => Assert.Empty(Identity.Validate());

    [Fact]
    public void Validate_ConnectionStringWithEntityPath_NeedsNoEventHubName() =>
        Assert.Empty(new ModelMonitorProducerOptions { ConnectionString = ConnectionString }.Validate());

    [Theory]
    [InlineData(null, null, "Set either FullyQualifiedNamespace with Credential, or ConnectionString; not neither.")]
    [InlineData("contoso.servicebus.windows.net", ConnectionString, "not both")]
    [InlineData("sb://contoso.servicebus.windows.net/", null, "must be a host name")]
    public void Validate_BadConnection_SaysWhy(string? fullyQualifiedNamespace, string? connectionString, string expected)
    {
        var options = Identity with { FullyQualifiedNamespace = fullyQualifiedNamespace, ConnectionString = connectionString };

        Assert.Contains(options.Validate(), error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NamespaceWithoutCredentialOrHub_ListsBoth()
    {
        var errors = (Identity with { Credential = null, EventHubName = " " }).Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Credential is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EventHubName is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ConnectionStringWithoutEntityPathOrHub_AsksForEventHubName()
    {
        var options = new ModelMonitorProducerOptions { ConnectionString = "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0" };

        Assert.Equal(["EventHubName is required unless the ConnectionString has an EntityPath."], options.Validate());
    }

    [Fact]
    public void Validate_EventHubNameDifferentFromEntityPath_IsAnError() =>
        Assert.Contains("differs", Assert.Single(new ModelMonitorProducerOptions { ConnectionString = ConnectionString, EventHubName = "other" }.Validate()), StringComparison.Ordinal);

    [Fact]
    public void Validate_BadBufferAndRetrySettings_ListsEach()
    {
        var options = Identity with
        {
            BufferCapacity = -1,
            FullMode = (BufferFullMode)7,
            FlushTimeout = TimeSpan.FromHours(2),
            MaxSendAttempts = 101,
            RetryBaseDelay = TimeSpan.FromSeconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
        };

        Assert.Equal(5, options.Validate().Count);
    }

    [Fact]
    public void ToString_RedactsTheConnectionString()
    {
        var text = new ModelMonitorProducerOptions { ConnectionString = ConnectionString }.ToString();

        Assert.DoesNotContain("c2VjcmV0", text, StringComparison.Ordinal);
        Assert.Contains("ConnectionString = ***", text, StringComparison.Ordinal);
        Assert.Contains("BufferCapacity = 10000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsBeforeConnecting()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelMonitorProducer.Create(new ModelMonitorProducerOptions()));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Set either", error.Message, StringComparison.Ordinal);
    }

    // Building the real client does not connect; nothing is published, so nothing goes on the network.
    [Fact]
    public async Task Create_ConnectionString_BuildsAndClosesWithoutSending()
    {
        var producer = ModelMonitorProducer.Create(new ModelMonitorProducerOptions { ConnectionString = ConnectionString });

        await producer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0L, producer.Counters.Failed);
    }

    [Fact]
    public async Task Create_Identity_BuildsAndClosesWithoutSending()
    {
        var producer = ModelMonitorProducer.Create(Identity);

        await producer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0L, producer.Counters.Failed);
    }

    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token in tests.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token in tests.");
    }
}
