using Approvals.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Approvals.Mail;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMailer"/> from section <c>Mail</c>: SendGrid when <c>Mail:SendGridApiKey</c> is set,
    /// else the pickup folder (relative paths taken from <paramref name="contentRoot"/>). Registers <see cref="PickupMailbox"/> either way.
    /// </summary>
    public static IServiceCollection AddApprovalsMail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(MailOptions.SectionName);
        var configured = section.Get<MailOptions>() ?? new MailOptions();
        var options = configured with { PickupFolder = Path.GetFullPath(configured.PickupFolder, Path.GetFullPath(contentRoot)) };

        services.AddOptions<MailOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PickupMailbox>();
        if (string.IsNullOrWhiteSpace(options.SendGridApiKey))
        {
            services.AddSingleton<IMailer, PickupFolderMailer>();
        }
        else
        {
            services.AddSingleton<IMailer, SendGridMailer>();
        }

        return services;
    }
}
