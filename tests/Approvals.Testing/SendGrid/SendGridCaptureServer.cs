using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Approvals.Testing;

/// <summary>
/// A local stand-in for SendGrid's <c>POST /v3/mail/send</c> on a loopback port: records every request and
/// answers 202, or the next scripted answer (<see cref="EnqueueResponse"/>) to simulate throttling and failures.
/// </summary>
public sealed class SendGridCaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<CapturedMailRequest> _requests = [];
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> _script = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    private SendGridCaptureServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Base address to give SendGrid's client as its host, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<CapturedMailRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<SendGridCaptureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new SendGridCaptureServer(app);
        app.MapPost("/v3/mail/send", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    /// <summary>Scripts the answer to the next request not yet scripted; requests beyond the script get 202.</summary>
    public void EnqueueResponse(int status, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _script.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived; throws <see cref="TimeoutException"/> past <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<CapturedMailRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return _requests.ToList();
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} requests at /v3/mail/send within {timeout}, saw {Requests.Count}.");
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = TimeProvider.System.GetUtcNow();
        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        int status;
        TimeSpan? retryAfter;
        lock (_gate)
        {
            (status, retryAfter) = _script.TryDequeue(out var scripted) ? scripted : (StatusCodes.Status202Accepted, null);
            _requests.Add(new CapturedMailRequest(
                document.RootElement.Clone(),
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
                receivedAt,
                status));
            foreach (var waiter in _waiters.Where(waiter => _requests.Count >= waiter.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (status >= 400)
        {
            // SendGrid's error body shape.
            await context.Response.WriteAsJsonAsync(new { errors = new[] { new { message = $"simulated HTTP {status}", field = (string?)null, help = (string?)null } } });
        }
    }
}
