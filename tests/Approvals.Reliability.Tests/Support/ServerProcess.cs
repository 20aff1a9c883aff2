using System.Diagnostics;
using System.Net;
using Approvals.Testing;

namespace Approvals.Reliability.Tests;

/// <summary>
/// The server as a separate process (<c>dotnet Approvals.Server.dll</c> from its build output), configured through
/// environment variables, so that a test can <c>kill -9</c> it and start it again on the same port and storage.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly Queue<string> lastLines = new();
    private Process? process;

    public ServerProcess(int port, IReadOnlyDictionary<string, string> environment)
    {
        Port = port;
        this.environment = environment;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The build output of src/Approvals.Server in the configuration the tests were built with.</summary>
    public static string ServerAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "bin", configuration, "net10.0", "Approvals.Server.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Approvals.Server first (the test project references it).", path);
        }
    }

    /// <summary>Starts the process and waits until <c>/health</c> answers 200; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var watch = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ServerAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Output()}");
            }

            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return watch.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (watch.Elapsed > StartTimeout)
            {
                Kill();
                throw new TimeoutException($"The server did not answer /health within {StartTimeout}:\n{Output()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary><c>kill -9</c>: .NET's <see cref="Process.Kill()"/> sends SIGKILL on Linux; nothing runs in the server after it.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            return;
        }

        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public string Output()
    {
        lock (lastLines)
        {
            return string.Join('\n', lastLines);
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            while (lastLines.Count > 200)
            {
                lastLines.Dequeue();
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }
}
