using System.Diagnostics;
using System.Text;

namespace Approvals.Testing;

/// <summary>
/// One Azurite process on three free loopback ports with its own data folder. It can be stopped and started again
/// on the same ports and folder (the data survives), which the reliability tests use to take storage away mid-run.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known key, published in Azurite's documentation: not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string executable;
    private readonly StringBuilder errors = new();
    private Process? process;

    private AzuriteInstance(string executable, string folder, IReadOnlyList<int> ports)
    {
        this.executable = executable;
        Folder = folder;
        BlobPort = ports[0];
        QueuePort = ports[1];
        TablePort = ports[2];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillProcess();
    }

    public string Folder { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public bool IsRunning => process is { HasExited: false };

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Installs Azurite if needed and starts a new instance; retries on fresh ports if another process took one in between.</summary>
    public static async Task<AzuriteInstance> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        await AzuriteInstaller.EnsureInstalledAsync(root, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("approvals-azurite-").FullName;
            var instance = new AzuriteInstance(AzuriteInstaller.ExecutablePath(root), folder, FreePorts.Pick(3));
            try
            {
                await instance.StartAsync(cancellationToken);
                return instance;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await instance.DisposeAsync();
            }
        }
    }

    /// <summary>Starts Azurite (again) on this instance's ports and folder and waits until the three services answer.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        lock (errors)
        {
            errors.Clear();
        }

        process?.Dispose();
        process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await WaitUntilListeningAsync(process, cancellationToken);
    }

    /// <summary>Stops Azurite gracefully (SIGTERM lets it save its data), killing it if it does not exit in time.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            await SendTerminateAsync(process.Id);
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        process = null;
    }

    /// <summary>
    /// Freezes Azurite (SIGSTOP): its ports still accept connections but nothing answers, as when storage hangs
    /// rather than goes away. <see cref="ResumeAsync"/> (SIGCONT) lets it carry on.
    /// </summary>
    public Task SuspendAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            await ResumeAsync();
        }

        KillProcess();
        if (process is not null)
        {
            await process.WaitForExitAsync();
            process.Dispose();
            process = null;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{BlobPort}", "--queuePort", $"{QueuePort}", "--tablePort", $"{TablePort}",
            "--location", Folder,
            "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--loose",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private async Task WaitUntilListeningAsync(Process started, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        int[] ports = [BlobPort, QueuePort, TablePort];
        while (true)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {started.ExitCode} before listening on ports {string.Join(", ", ports)}:\n{Errors()}");
            }

            var answers = await Task.WhenAll(ports.Select(port => FreePorts.AcceptsConnectionsAsync(port, cancellationToken)));
            if (answers.All(answered => answered))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                KillProcess();
                throw new TimeoutException(
                    $"Azurite did not listen on ports {string.Join(", ", ports)} within {StartTimeout.TotalSeconds} s:\n{Errors()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (errors)
        {
            errors.AppendLine(line);
        }
    }

    private string Errors()
    {
        lock (errors)
        {
            return errors.Length == 0 ? "(nothing on stderr)" : errors.ToString();
        }
    }

    private void KillProcess()
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // The process exited between the check and the kill.
        }
    }

    private async Task SignalAsync(string signal)
    {
        if (process is not { HasExited: false } running)
        {
            throw new InvalidOperationException("Azurite is not running.");
        }

        using var kill = Process.Start("kill", [$"-{signal}", $"{running.Id}"]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGTERM through the kill command: .NET's Process.Kill only sends SIGKILL, which would lose Azurite's unsaved data.</summary>
    private static async Task SendTerminateAsync(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", $"{processId}"]);
        await kill.WaitForExitAsync();
    }
}
