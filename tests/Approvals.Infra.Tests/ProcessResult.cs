namespace Approvals.Infra.Tests;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Lines the Bicep CLI prints for a diagnostic of level warning or error.</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(": Warning ", StringComparison.Ordinal)
                || line.Contains(": Error ", StringComparison.Ordinal))
            .ToList();
}
