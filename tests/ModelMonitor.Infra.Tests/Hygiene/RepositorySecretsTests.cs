using System.Diagnostics;
using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Hygiene;

/// <summary>No credential is committed: every tracked file is scanned, and each finding names its file and line.</summary>
public class RepositorySecretsTests
{
    // Samples are assembled at run time so that this file itself holds no secret-shaped literal for the scan to find.
    private static readonly string FakeKey88 = string.Concat(Enumerable.Repeat("Q3Jv", 21)) + "c3==";
    private static readonly string FakeSasKey = "k" + string.Concat(Enumerable.Repeat("Zm9v", 10)) + "YmE=";

    public static TheoryData<string, string> Secrets => new()
    {
        { "DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=" + FakeKey88 + ";EndpointSuffix=core.windows.net", "AccountKey" },
        { "Endpoint=sb://prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccess" + "Key=" + FakeSasKey, "SharedAccessKey" },
        { "  \"key\": \"" + FakeKey88 + "\"", "storage account key" },
        { "-----BEGIN " + "RSA PRIVATE KEY-----", "private key" },
        { "Authorization: Bearer " + "abcDEF123456ghiJKL789mno", "bearer token" },
        { "token = \"eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLWhlcmU\"", "JSON web token" },
        { "https://hooks.slack" + ".com/services/T0123ABCD/B0456EFGH/" + "aBcDeFgHiJkLmNoPqRsTuVwX", "Slack webhook URL" },
        { "https://prod-00.westeurope.logic.azure" + ".com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers&sv=1.0&sig=" + "Xy12Ab34Cd56Ef78Gh90Ij", "signed URL" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Scan_RealLookingSecret_IsFound(string line, string kind)
    {
        var finding = Assert.Single(SecretScanner.Scan("first line\n" + line));

        Assert.Equal(2, finding.Line);
        Assert.Contains(kind, finding.Kind, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + SecretScanner.AzuriteDevelopmentKey + ";")]
    [InlineData("Endpoint=sb://localhost/;SharedAccessKeyName=local;SharedAccessKey=placeholder")]
    [InlineData("Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0")]
    [InlineData("AccountKey=<your-account-key>")]
    [InlineData("SharedAccessKey=${EVENTHUB_KEY}")]
    [InlineData("export MODELMONITOR_SLACK_WEBHOOK_URL='https://hooks.slack.com/services/...'")]
    [InlineData("Authorization: Bearer <token>")]
    [InlineData("if (setting.Value.Contains(\"AccountKey=\", StringComparison.OrdinalIgnoreCase))")]
    public void Scan_PlaceholderOrPublishedDevelopmentKey_IsAllowed(string line)
    {
        Assert.Empty(SecretScanner.Scan(line));
    }

    [Fact]
    public async Task TrackedFiles_HoldNoSecrets()
    {
        var files = await TrackedFilesAsync();
        var findings = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(RepositoryLayout.Root, file);
            if (!File.Exists(path) || IsBinary(path))
            {
                continue;
            }

            foreach (var finding in SecretScanner.Scan(await File.ReadAllTextAsync(path)))
            {
                findings.Add($"{file}:{finding.Line}: {finding.Kind}");
            }
        }

        Assert.NotEmpty(files);
        Assert.True(findings.Count == 0, "Secrets in tracked files (remove them, rotate them, use a placeholder):\n" + string.Join('\n', findings));
    }

    private static async Task<List<string>> TrackedFilesAsync()
    {
        var git = ExternalTool.Find("git") ?? throw new InvalidOperationException("git is not on PATH; the secret scan lists tracked files with git ls-files.");
        var start = new ProcessStartInfo(git) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryLayout.Root };
        foreach (var argument in new[] { "ls-files", "-z" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git ls-files failed: {error}");
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[8000];
        using var stream = File.OpenRead(path);
        var read = stream.Read(head);
        return head[..read].Contains((byte)0);
    }
}
