namespace ModelMonitor.Core.Rollbacks;

/// <summary>What a rollback does when nobody decides before <see cref="RollbackTarget.ApprovalTimeout"/>.</summary>
public enum ApprovalTimeoutAction
{
    /// <summary>Give up: no swap.</summary>
    Abort,

    /// <summary>Swap anyway (silence is consent; for models where a bad version costs more than a wrong swap).</summary>
    Proceed,
}
