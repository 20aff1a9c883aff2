using System.Reflection;
using Approvals.Api;
using Approvals.Application;
using Approvals.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Orchestration.Tests;

/// <summary>
/// Issue 15: the Function App's HTTP triggers take the authority the way the server does (header or cookie), not the
/// first authority always. Its <c>ApiTrigger</c>, loaded from the Function App's build output (an executable, not
/// referenced as an assembly), runs a handler over the real server's services and Azurite.
/// </summary>
public sealed class FunctionAppAuthorityTests
{
    private const string Second = "pma";

    [Theory]
    [InlineData(Second, Second)]
    [InlineData(null, null)]
    [InlineData("unknown", null)]
    public async Task GivenAPersonWithRolesInBothAuthorities_WhenATriggerRunsWithTheAuthorityHeader_ThenTheHandlerActsInThatAuthority(string? requested, string? expected)
    {
        await using var host = await ApprovalsServerHost.StartAsync(DateTimeOffset.Parse("2022-05-03T08:00:00Z"));
        await host.Service<AuthorityDirectory>().SaveAsync(new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
        var trigger = Trigger(host.Services);
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Method = "GET";
        context.Request.Headers.Cookie = DevelopmentCookie(host.Services);
        if (requested is not null)
        {
            context.Request.Headers[CurrentAuthority.Header] = requested;
        }

        var seen = await RunAsync(trigger, context, [Role.CaseOfficer]);

        Assert.Equal(StatusCodes.Status204NoContent, context.Response.StatusCode);
        Assert.NotNull(seen);
        Assert.Equal((Role.CaseOfficer, expected), (seen.Role, seen.AuthorityId));
    }

    /// <summary>
    /// In Azure the person comes from App Service authentication: their role claim holds in the first authority, the
    /// assignments Approvals keeps in the others, read from the same store as the server's.
    /// </summary>
    [Theory]
    [InlineData(null, Role.Finance, null)]
    [InlineData(Second, Role.CaseOfficer, Second)]
    public async Task GivenAnAppServicePersonWithAnAssignmentInTheSecondAuthority_WhenATriggerRuns_ThenTheyActWithTheRoleOfTheAuthorityAsked(
        string? requested, Role role, string? expected)
    {
        await using var host = await ApprovalsServerHost.StartAsync(DateTimeOffset.Parse("2022-05-03T08:00:00Z"), new Dictionary<string, string?> { ["Identity:TrustAppServiceHeaders"] = "true" });
        await host.Service<AuthorityDirectory>().SaveAsync(new GrantingAuthority(Second, "Pays de Montbéliard Agglomération", "20000000000000"), CancellationToken.None);
        await host.Service<IRoleAssignments>().ChangeAsync("paul.tresor@example.fr", Role.CaseOfficer, "Admin", DateTimeOffset.UtcNow, CancellationToken.None, Second);
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Method = "GET";
        var principal = """{"claims":[{"typ":"name","val":"Paul Trésor"},{"typ":"roles","val":"Finance"}]}""";
        context.Request.Headers[AppServicePrincipal.Header] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(principal));
        context.Request.Headers[AppServicePrincipal.NameHeader] = "paul.tresor@example.fr";
        if (requested is not null)
        {
            context.Request.Headers[CurrentAuthority.Header] = requested;
        }

        var seen = await RunAsync(Trigger(host.Services), context, [Role.Finance, Role.CaseOfficer]);

        Assert.Equal(StatusCodes.Status204NoContent, context.Response.StatusCode);
        Assert.Equal((role, expected), (seen!.Role, seen.AuthorityId));
    }

    /// <summary>Runs a handler through the trigger's role check for <paramref name="roles"/>; the caller the handler saw.</summary>
    private static async Task<Actor?> RunAsync(object trigger, HttpContext context, IReadOnlyCollection<Role> roles)
    {
        Actor? seen = null;
        Func<HttpContext, ApiServices, Task<IResult>> handler = (c, _) =>
        {
            seen = ApiIdentity.Caller(c);
            return Task.FromResult(Results.NoContent());
        };
        var run = trigger.GetType().GetMethod("RunAsync", [typeof(HttpRequest), typeof(IReadOnlyCollection<Role>), typeof(Func<HttpContext, ApiServices, Task<IResult>>)])!;
        await (Task)run.Invoke(trigger, [context.Request, roles, handler])!;
        return seen;
    }

    /// <summary>The Function App's <c>ApiTrigger</c> as its host builds it, over these services.</summary>
    private static object Trigger(IServiceProvider services)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var assembly = Assembly.LoadFrom(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Functions", "bin", configuration, "net10.0", "Approvals.Functions.dll"));
        var signal = Activator.CreateInstance(assembly.GetType("Approvals.Functions.BoundClockSignal", throwOnError: true)!)!;
        return Activator.CreateInstance(
            assembly.GetType("Approvals.Functions.ApiTrigger", throwOnError: true)!,
            ActivatorUtilities.CreateInstance<ApiServices>(services), signal, services.GetRequiredService<AuthorityDirectory>())!;
    }

    /// <summary>The development sign-in's cookie (a role in every authority), as the server sets it.</summary>
    private static string DevelopmentCookie(IServiceProvider services)
    {
        var signIn = new DefaultHttpContext { RequestServices = services };
        ApiIdentity.SignIn(signIn, new Actor("Claire Martin", Role.CaseOfficer));
        return signIn.Response.Headers.SetCookie.ToString().Split(';')[0];
    }
}
