using System.Diagnostics;

namespace Approvals.Bench;

/// <summary>
/// 6. The server as a separate process (<c>dotnet Approvals.Server.dll</c>, the Release build), from its start to the
/// first 200 answer of <c>/health</c> (which reads storage), against the bench's Azurite. Absolute: there is no baseline.
/// </summary>
public static class ColdStart
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        var folder = Path.Combine(context.RepositoryRoot, "src", "Approvals.Server", "bin", "Release", "net10.0");
        var dll = Path.Combine(folder, "Approvals.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the server in Release first (dotnet build -c Release).", dll);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var seconds = new List<double>();
        for (var run = 0; run < context.Sizes.ColdStarts; run++)
        {
            seconds.Add((await StartAsync(http, folder, dll, context.Azurite.ConnectionString)).TotalSeconds);
        }

        return new ScenarioResult("6", "Cold start: process start to the first successful /health",
            [Metric.Of($"start to /health (median of {context.Sizes.ColdStarts})", seconds, "s", "< 2", s => s < 2)],
            ["`dotnet src/Approvals.Server/bin/Release/net10.0/Approvals.Server.dll`, Production environment, workers on, tables already created"]);
    }

    private static async Task<TimeSpan> StartAsync(HttpClient http, string folder, string dll, string connectionString)
    {
        var port = Azurite.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["Mail__PickupFolder"] = Path.Combine(Path.GetTempPath(), "approvals-bench-coldstart-mail");
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (timer.Elapsed < Limit)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with code {process.ExitCode} before answering /health.");
                }

                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
                    if (response.IsSuccessStatusCode)
                    {
                        return timer.Elapsed;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"The server did not answer /health within {Limit.TotalSeconds} s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
