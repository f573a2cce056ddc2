namespace ModelMonitor.Service.Security;

/// <summary>The caller as App Service authentication describes it.</summary>
/// <param name="Name">The principal's name (for audit and the four-eyes check).</param>
/// <param name="IdentityProvider">The <c>auth_typ</c>, e.g. <c>aad</c>.</param>
/// <param name="Roles">The values of the <c>roles</c> claims.</param>
public sealed record ClientPrincipal(string Name, string IdentityProvider, IReadOnlySet<string> Roles)
{
    /// <summary>True when the principal holds the role (ordinal, case-insensitive: Entra role values are case-preserving).</summary>
    public bool IsInRole(string role) => Roles.Contains(role);
}
