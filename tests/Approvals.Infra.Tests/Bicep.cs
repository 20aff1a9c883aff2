namespace Approvals.Infra.Tests;

/// <summary>Runs the Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
public static class Bicep
{
    // Checked to build and lint without any network (in an empty network namespace): local modules only.
    private static readonly Dictionary<string, string?> Environment = [];

    public static ProcessResult Run(params string[] arguments)
    {
        EnsureExecutable(Locations.BicepCli);
        return Processes.Run(Locations.BicepCli, Locations.Infra, Environment, arguments);
    }

    // A package extracted by some NuGet clients loses the run bit of its tools.
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI was not restored.", path);
        }
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
