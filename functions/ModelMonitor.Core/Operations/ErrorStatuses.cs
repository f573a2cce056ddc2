using System.Globalization;

namespace ModelMonitor.Core.Operations;

/// <summary>Tells error statuses from successes: the policy's success statuses (case-insensitive) and HTTP codes 100–399.</summary>
public sealed class ErrorStatuses(IEnumerable<string> successStatuses)
{
    private readonly HashSet<string> _success = new(successStatuses, StringComparer.OrdinalIgnoreCase);

    public static ErrorStatuses Default { get; } = new(OperationalPolicy.DefaultSuccessStatuses);

    public bool IsError(string status) =>
        !_success.Contains(status)
        && !(int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code is >= 100 and < 400);
}
