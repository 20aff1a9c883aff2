using Approvals.Application;
using Microsoft.Extensions.Logging;

namespace Approvals.Api;

/// <summary>What the portal's handlers need besides <see cref="ApiServices"/>, built from DI on both hosts.</summary>
public sealed record PortalServices(
    IPortalStore Store, IMailer Mailer, PortalOptions Options, AuthorityDirectory Authorities, AuthorityMail AuthorityMail, ILogger<PortalServices> Logger);
