using Approvals.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>
/// The beneficiary signed in to the portal (the address the magic link proved), bound as a handler's parameter on a
/// route that requires <see cref="PortalSignedIn"/>. Reaching a handler without one is a bug, as for <see cref="ApiIdentity.Caller"/>.
/// </summary>
public sealed record PortalBeneficiary(string Address)
{
    /// <summary>The beneficiary acting through the portal, by the address the session proved: never an agent's role.</summary>
    public Actor Actor => Actor.Beneficiary(Address);

    public static ValueTask<PortalBeneficiary> BindAsync(HttpContext context) =>
        ValueTask.FromResult(Find(context) ?? throw new InvalidOperationException("A portal handler ran without a portal session: its route does not require one."));

    /// <summary>The session's beneficiary, read once per request (the authorisation and the handler see the same), or null.</summary>
    public static PortalBeneficiary? Find(HttpContext context)
    {
        if (context.Items[typeof(PortalBeneficiary)] is PortalBeneficiary known)
        {
            return known;
        }

        var found = PortalSession.Address(context, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()) is { } address ? new PortalBeneficiary(address) : null;
        context.Items[typeof(PortalBeneficiary)] = found;
        return found;
    }
}
