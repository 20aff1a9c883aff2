namespace Approvals.Domain.Tests;

/// <summary>The domain takes time as <c>now</c>: reading the wall clock anywhere in it is a defect.</summary>
public class NoWallClockTests
{
    [Fact]
    public void The_domain_never_reads_the_wall_clock()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Approvals.Domain");
        var forbidden = new[] { "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "TimeProvider.System", "Environment.TickCount" };

        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => forbidden.Any(w => l.Text.Contains(w, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        Assert.True(Directory.Exists(root), root);
        Assert.Empty(offences);
    }
}
