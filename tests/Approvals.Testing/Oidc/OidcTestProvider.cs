using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Approvals.Testing;

/// <summary>
/// A real OpenID provider (npm <c>oidc-provider</c>, run by <c>provider.mjs</c>) on a free loopback port, with one
/// confidential client for an application at <c>applicationBase</c> and the given users; stopped on dispose.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "approvals";
    public const string ClientSecret = "approvals-test-secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string configFile;
    private readonly StringBuilder output = new();

    private OidcTestProvider(Process process, string configFile, int port)
    {
        this.process = process;
        this.configFile = configFile;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public int Port { get; }

    public string Issuer => $"http://127.0.0.1:{Port}";

    public static async Task<OidcTestProvider> StartAsync(Uri applicationBase, IEnumerable<OidcTestUser> users)
    {
        var port = FreePorts.Pick(1)[0];
        var app = applicationBase.ToString().TrimEnd('/');
        var configFile = Path.Combine(Directory.CreateTempSubdirectory("approvals-oidc-").FullName, "config.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(new
        {
            port,
            client = new { id = ClientId, secret = ClientSecret, redirectUris = new[] { $"{app}/signin-oidc" }, postLogoutRedirectUris = new[] { $"{app}/signout-callback-oidc" } },
            users = users.ToDictionary(u => u.Login, u => new { email = u.Email, name = u.Name, roles = u.Roles }),
        }));
        var start = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "tests", "Approvals.Testing", "Oidc", "provider.mjs"));
        start.ArgumentList.Add(configFile);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var provider = new OidcTestProvider(process, configFile, port);
        process.OutputDataReceived += (_, line) => provider.Append(line.Data);
        process.ErrorDataReceived += (_, line) => provider.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await provider.WaitUntilListeningAsync();
        return provider;
    }

    /// <summary>The server's settings pointing at this provider, plus <paramref name="extra"/> (e.g. the role claim).</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:OpenIdConnect:Authority"] = Issuer,
            ["Identity:OpenIdConnect:ClientId"] = ClientId,
            ["Identity:OpenIdConnect:ClientSecret"] = ClientSecret,
            ["Identity:OpenIdConnect:RequireHttpsMetadata"] = "false",
            ["Identity:OpenIdConnect:Scopes:0"] = "openid",
            ["Identity:OpenIdConnect:Scopes:1"] = "profile",
            ["Identity:OpenIdConnect:Scopes:2"] = "email",
            ["Identity:OpenIdConnect:Scopes:3"] = "roles",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The next ID token the provider issues is spoiled: tampered, expired, wrong-issuer, wrong-audience or stale-nonce.</summary>
    public async Task SpoilNextIdTokenAsync(string mode)
    {
        using var client = new HttpClient();
        (await client.PostAsync($"{Issuer}/test/next-id-token?mode={Uri.EscapeDataString(mode)}", null)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(Path.GetDirectoryName(configFile)!, recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await FreePorts.AcceptsConnectionsAsync(Port, CancellationToken.None))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                Kill();
                throw new InvalidOperationException($"The OpenID provider did not listen on port {Port}:\n{Output()}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
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
}
