using Approvals.Api;
using Microsoft.AspNetCore.Http;

namespace Approvals.Functions;

/// <summary>
/// The portal session the server's routes declare in metadata (<see cref="PortalSignedIn"/>), checked by the trigger
/// before the shared handler runs, with the same 401 as the server's.
/// </summary>
public static class PortalSessionCheck
{
    public static Func<HttpContext, ApiServices, Task<IResult>> Required(Func<PortalBeneficiary, HttpContext, ApiServices, Task<IResult>> handler) =>
        (context, services) => PortalBeneficiary.Find(context) is { } beneficiary ? handler(beneficiary, context, services) : Task.FromResult<IResult>(PortalApi.NotSignedIn());
}
