using System.Text;

namespace ModelMonitor.Service.Rollbacks;

/// <summary>The singleton instance id of a target: <c>rollback-{site}-{standbySlot}</c>, lower case, only [a-z0-9-].</summary>
public static class RollbackInstanceId
{
    public static string For(string site, string standbySlot)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(standbySlot);
        var builder = new StringBuilder("rollback-");
        Append(builder, site);
        builder.Append('-');
        Append(builder, standbySlot);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string value)
    {
        foreach (var c in value.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? c : '_');
        }
    }
}
