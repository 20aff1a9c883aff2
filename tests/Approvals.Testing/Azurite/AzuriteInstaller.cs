using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Approvals.Testing;

/// <summary>Installs Azurite from the repository's package-lock.json when <c>node_modules</c> lacks it.</summary>
public static class AzuriteInstaller
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static string ExecutablePath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");

    /// <summary>
    /// Runs <c>npm ci</c> once. Several test assemblies start in parallel, so a lock file shared by all processes
    /// makes the others wait for the first install instead of running <c>npm ci</c> over each other.
    /// </summary>
    public static async Task EnsureInstalledAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        if (File.Exists(ExecutablePath(repositoryRoot)))
        {
            return;
        }

        await using var fileLock = await AcquireLockAsync(repositoryRoot, cancellationToken);
        if (File.Exists(ExecutablePath(repositoryRoot)))
        {
            return;
        }

        await RunNpmCiAsync(repositoryRoot, cancellationToken);
        if (!File.Exists(ExecutablePath(repositoryRoot)))
        {
            throw new InvalidOperationException($"npm ci finished but {ExecutablePath(repositoryRoot)} is still missing.");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(repositoryRoot)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"approvals-npm-ci-{key}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm.");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci did not finish within {InstallTimeout.TotalMinutes} minutes in {repositoryRoot}.");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci failed with exit code {npm.ExitCode} in {repositoryRoot}:\n{await output}\n{await errors}");
        }
    }
}
