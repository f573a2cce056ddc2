namespace ModelMonitor.Core.Events;

/// <summary>Rules for identifiers that become blob path segments.</summary>
public static class Identifiers
{
    /// <summary>True when <paramref name="value"/> matches <c>[A-Za-z0-9._-]{1,64}</c> and is not "." or "..".</summary>
    public static bool IsValidPathId(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > ParserLimits.MaxIdLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        // "." and ".." match the character class but would walk the blob hierarchy.
        return !value.SequenceEqual(".") && !value.SequenceEqual("..");
    }

    public static string RequireValidPathId(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return IsValidPathId(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid identifier: use 1-64 characters from [A-Za-z0-9._-].", paramName);
    }
}
