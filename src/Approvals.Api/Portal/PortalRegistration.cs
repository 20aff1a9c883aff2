using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>The portal's services, added by <see cref="ApprovalsCore.AddApprovalsCore"/> on both hosts.</summary>
public static class PortalRegistration
{
    public static IServiceCollection AddApprovalsPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PortalOptions.SectionName).Get<PortalOptions>() ?? new PortalOptions());
        services.AddSingleton<PortalServices>();
        // The session cookie is protected with the host's data-protection keys (the server adds them too: this is idempotent).
        services.AddDataProtection();
        return services;
    }
}
