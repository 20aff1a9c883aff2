using Approvals.Application;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

/// <summary>The portal's services, added by <see cref="ApprovalsCore.AddApprovalsCore"/> on both hosts.</summary>
public static class PortalRegistration
{
    public static IServiceCollection AddApprovalsPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PortalOptions, PortalOptionsValidation>(configuration, PortalOptions.SectionName);
        // Links in mails written by the outbox and the clock: the configured address, else the one this host listens on.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<PortalOptions>();
            return new PortalSite(options.PublicBaseUrl, options.Service, () => ListeningAddress(provider));
        });
        services.AddSingleton<PortalServices>();
        // The session cookie is protected with the host's data-protection keys (the server adds them too: this is idempotent).
        services.AddDataProtection();
        return services;
    }

    /// <summary>The first address the host listens on, a wildcard host read as the loopback address; null where there is no server (a Function App).</summary>
    private static string? ListeningAddress(IServiceProvider provider) =>
        provider.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal);
}
