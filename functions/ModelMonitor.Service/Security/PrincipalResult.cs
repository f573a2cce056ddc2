namespace ModelMonitor.Service.Security;

/// <summary>A decoded principal, or why the header was refused (answer 401).</summary>
/// <param name="Principal">The caller, when the header is sound.</param>
/// <param name="Error">Why not, safe to show the caller (never echoes the header).</param>
public sealed record PrincipalResult(ClientPrincipal? Principal, string? Error);
