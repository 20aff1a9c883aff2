namespace Approvals.Application;

/// <summary>The dossier has ended: its documents are kept until <paramref name="RetainUntil"/> (ten years after the end).</summary>
public sealed record RetentionChange(DateOnly RetainUntil);
