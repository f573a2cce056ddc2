namespace ModelMonitor.Service.Security;

/// <summary>The App Service authentication app roles the ops API checks (claim type <see cref="ClaimType"/>).</summary>
public static class OpsRoles
{
    /// <summary>The claim type Entra app roles arrive under in <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    public const string ClaimType = "roles";

    /// <summary>Reads summaries, alerts, configuration, rollbacks, the block list and dead letters.</summary>
    public const string Reader = "reader";

    /// <summary>Starts rollbacks, acknowledges alerts, writes configuration and references.</summary>
    public const string Operator = "operator";

    /// <summary>Approves or rejects waiting rollbacks.</summary>
    public const string Approver = "approver";
}
