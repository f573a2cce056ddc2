using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Notifications;

namespace ModelMonitor.Service.Tests.Notifications;

public sealed class NotificationPolicyTests
{
    [Fact]
    public void Parse_Issue10Shape_Accepted()
    {
        var parsed = NotificationPolicy.Parse("""{"notifications":[{"type":"teams","url":"https://example.invalid/workflows/x","minSeverity":"error"},{"type":"webhook","url":"https://example.invalid/h","secretSetting":"HOOK_SECRET","minSeverity":"warning"},{"type":"file","url":"-"}]}""");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(["teams", "webhook", "file"], parsed.Policy!.Channels.Select(c => c.Name).ToArray());
        Assert.Equal(Severity.Error, parsed.Policy.Channels[0].MinSeverity);
        Assert.Equal("HOOK_SECRET", parsed.Policy.Channels[1].SecretSetting);
    }

    [Fact]
    public void Parse_BadDocument_ReportsEveryProblemWithItsPath()
    {
        var parsed = NotificationPolicy.Parse("""{"notifications":[{"type":"pager","url":"x"},{"type":"slack","url":"not a url","minSeverity":"loud"}],"subscriptions":[{"channel":"nope","kind":"everything"}],"extra":1}""");

        Assert.False(parsed.IsValid);
        Assert.Contains(parsed.Errors, e => e.StartsWith("$.notifications[0].type:", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.StartsWith("$.notifications[1].url:", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.StartsWith("$.notifications[1].minSeverity: 'loud'", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.StartsWith("$.subscriptions[0].subscriber:", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.StartsWith("$.subscriptions[0].channel:", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.StartsWith("$.subscriptions[0].kind:", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.StartsWith("$.extra:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var parsed = NotificationPolicy.Parse("{");

        Assert.StartsWith("$: not valid JSON", Assert.Single(parsed.Errors), StringComparison.Ordinal);
    }
}
