namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>Input of the swap activities; <paramref name="Location"/> set when polling.</summary>
public sealed record SwapInput(RollbackTargetInput Target, string? Location = null);
