using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Approvals.Bench;

/// <summary>
/// Azurite on three free loopback ports, as the tests start it (the same arguments,
/// always <c>--disableTelemetry</c>), plus <c>--inMemoryPersistence</c>: on disk, Azurite saves its whole table database
/// every few seconds, which with the bench's tens of thousands of rows stalls every request for seconds and measures
/// the emulator's autosave rather than the application. A copy of the few lines the bench needs, so it references no
/// test project.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known key, published in Azurite's documentation: not a secret.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly string folder;
    private readonly int blobPort;
    private readonly int queuePort;
    private readonly int tablePort;

    private Azurite(Process process, string folder, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.folder = folder;
        this.blobPort = blobPort;
        this.queuePort = queuePort;
        this.tablePort = tablePort;
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    public int ProcessId => process.Id;

    public static async Task<Azurite> StartAsync(string repositoryRoot)
    {
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            await RunAsync("npm", repositoryRoot, "ci", "--no-audit", "--no-fund");
        }

        var ports = FreePorts(3);
        // In memory, Azurite takes no --location: its working folder is where its debug log would go (--silent: none).
        var folder = Directory.CreateTempSubdirectory("approvals-bench-azurite-").FullName;
        var start = new ProcessStartInfo(executable) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}",
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--loose", "--inMemoryPersistence",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, folder, ports[0], ports[1], ports[2]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Kill();
        var deadline = Stopwatch.StartNew();
        while (!(await AcceptsAsync(ports[0]) && await AcceptsAsync(ports[1]) && await AcceptsAsync(ports[2])))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                azurite.Kill();
                throw new InvalidOperationException("Azurite did not start within 30 s.");
            }

            await Task.Delay(100);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(listener => listener.Start());
        var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        listeners.ForEach(listener => listener.Stop());
        return ports;
    }

    public static int FreePort() => FreePorts(1)[0];

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var run = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {run.ExitCode}.");
        }
    }
}
