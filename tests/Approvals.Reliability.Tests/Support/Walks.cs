using System.Net;
using System.Text.Json;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Reliability.Tests;

/// <summary>Takes a dossier through its first stages on an in-process host whose fake clock it moves forward.</summary>
public static class Walks
{
    /// <summary>An instant given as Paris wall-clock time (summer: UTC+2).</summary>
    public static DateTimeOffset Paris(int year, int month, int day, int hour = 10) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1)).ToUniversalTime();

    /// <summary>Moves the host's clock to <paramref name="instant"/> unless it is already past it (a fake clock never goes back).</summary>
    public static void MoveTo(ApprovalsServerHost host, DateTimeOffset instant)
    {
        if (host.Time.GetUtcNow() < instant)
        {
            host.Time.SetUtcNow(instant);
        }
    }

    public static async Task<string> CreateAsync(ApprovalsServerHost host, DateOnly receivedOn, string? @object = null)
    {
        var officer = await host.SignInAsync(Role.CaseOfficer);
        var created = await officer.PostJsonAsync("/api/dossiers", Bodies.Request(receivedOn, @object: @object));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    /// <summary>Request on 2 May 2022, vote on 9 June, transmission, acknowledgment and signature on 28 June; the clock ends on 29 June or later.</summary>
    public static async Task<string> SignedAsync(ApprovalsServerHost host, string? @object = null)
    {
        var id = await EnforceableAsync(host, @object);
        var officer = await host.SignInAsync(Role.CaseOfficer);
        await OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/signature", Bodies.Signature(new DateOnly(2022, 6, 28))));
        return id;
    }

    /// <summary>Request on 2 May 2022, vote on 9 June, transmission and acknowledgment (21 June); the clock ends on 29 June or later.</summary>
    public static async Task<string> EnforceableAsync(ApprovalsServerHost host, string? @object = null)
    {
        MoveTo(host, Paris(2022, 5, 3));
        var id = await CreateAsync(host, new DateOnly(2022, 5, 2), @object);
        var secretariat = await host.SignInAsync(Role.Secretariat);
        MoveTo(host, Paris(2022, 6, 29));
        var session = new DateOnly(2022, 6, 9);
        await OkAsync(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", Bodies.Vote(session)));
        await OkAsync(secretariat.PostJsonAsync($"/api/dossiers/{id}/transmission", Bodies.Transmission(new DateOnly(2022, 6, 20))));
        await OkAsync(secretariat.PostJsonAsync($"/api/dossiers/{id}/acknowledgment", Bodies.Acknowledgment(session, new DateOnly(2022, 6, 21))));
        return id;
    }

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
