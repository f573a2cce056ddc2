using System.Text.RegularExpressions;

namespace ModelMonitor.Infra.Tests.Hygiene;

/// <summary>
/// Finds credentials in text: connection-string keys with real-looking values, bare storage account keys (88
/// base64 characters), private keys, bearer tokens and JWTs, Slack webhook URLs and signed URLs (<c>sig=</c>, as in
/// Logic Apps triggers and SAS). Azurite's published development key and obvious placeholders are allowed.
/// </summary>
internal static partial class SecretScanner
{
    /// <summary>The key of Azurite's <c>devstoreaccount1</c>, published in Microsoft's documentation: not a secret.</summary>
    public const string AzuriteDevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] PlaceholderWords = ["placeholder", "your", "redacted", "example", "changeme", "dummy", "fake", "xxxx", "..."];

    /// <summary>One finding: 1-based line and the kind of secret (never the secret itself, so the test output leaks nothing).</summary>
    public readonly record struct Finding(int Line, string Kind);

    public static IEnumerable<Finding> Scan(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var kind in ScanLine(lines[i]))
            {
                yield return new Finding(i + 1, kind);
            }
        }
    }

    private static IEnumerable<string> ScanLine(string line)
    {
        var inConnectionString = false;
        foreach (Match m in ConnectionKey().Matches(line))
        {
            var value = m.Groups["value"].Value;
            if (LooksLikeKey(value))
            {
                inConnectionString = true;
                yield return $"{m.Groups["name"].Value} value in a connection string";
            }
        }

        // A key already reported as a connection-string value is not reported twice.
        foreach (Match m in BareAccountKey().Matches(line))
        {
            if (m.Value != AzuriteDevelopmentKey && !inConnectionString)
            {
                yield return "storage account key (88 base64 characters)";
            }
        }

        if (PrivateKey().IsMatch(line))
        {
            yield return "private key";
        }

        foreach (Match m in Bearer().Matches(line))
        {
            if (!IsPlaceholder(m.Groups["token"].Value))
            {
                yield return "bearer token";
            }
        }

        if (Jwt().IsMatch(line))
        {
            yield return "JSON web token";
        }

        if (SlackWebhook().IsMatch(line))
        {
            yield return "Slack webhook URL";
        }

        foreach (Match m in Signature().Matches(line))
        {
            if (!IsPlaceholder(m.Groups["sig"].Value))
            {
                yield return "signed URL (sig=)";
            }
        }
    }

    private static bool LooksLikeKey(string value) =>
        value != AzuriteDevelopmentKey && value.Length >= 20 && !IsPlaceholder(value) && Base64Like().IsMatch(value);

    private static bool IsPlaceholder(string value) =>
        value.StartsWith('<') || value.StartsWith('{') || value.StartsWith('$') || value.StartsWith('%')
        || PlaceholderWords.Any(w => value.Contains(w, StringComparison.OrdinalIgnoreCase))
        || value.Distinct().Count() <= 2;

    [GeneratedRegex(@"(?<name>AccountKey|SharedAccessKey|SharedAccessSignature)\s*=\s*(?<value>[^;""'\s`]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])")]
    private static partial Regex BareAccountKey();

    [GeneratedRegex(@"^[A-Za-z0-9+/=_%-]+$")]
    private static partial Regex Base64Like();

    [GeneratedRegex(@"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\bBearer\s+(?<token>[A-Za-z0-9\-._~+/]{20,}=*)")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]{8,}")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"[?&]sig=(?<sig>[A-Za-z0-9%_+/=-]{16,})")]
    private static partial Regex Signature();
}
