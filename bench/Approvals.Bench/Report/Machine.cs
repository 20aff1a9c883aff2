using System.Runtime.InteropServices;

namespace Approvals.Bench;

/// <summary>Where the figures were taken, and how busy the machine was (it is shared: the load matters).</summary>
public sealed record Machine(string Cpu, int Cores, string Os, string Runtime, string LoadAtStart, string? LoadAtEnd = null)
{
    public static Machine Describe() => new(ReadCpu(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Load());

    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string ReadCpu() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();
}
