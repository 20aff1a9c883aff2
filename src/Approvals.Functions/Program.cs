using Approvals.Api;
using Approvals.Application;
using Approvals.Clock;
using Approvals.Functions;
using Approvals.Mail;
using Approvals.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Behind App Service authentication, which signs people in, sets the principal headers and strips any a client sends.
// No development sign-in here: there is no sign-in page to offer it, and no data protection keys shared by instances.
builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<IdentityOptions>>().Value with { TrustAppServiceHeaders = true, DevelopmentSignIn = false });
builder.Services.AddApprovalsCore(builder.Configuration);
builder.Services.AddApprovalsStorage(builder.Configuration);
builder.Services.AddApprovalsMail(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton<ApiServices>();
builder.Services.AddSingleton<FinanceServices>();
builder.Services.AddSingleton<ClockActivities>();
builder.Services.AddSingleton<ClockReconciliation>();
builder.Services.AddSingleton<BoundClockSignal>();
builder.Services.AddSingleton<IClockSignal>(services => services.GetRequiredService<BoundClockSignal>());
builder.Services.AddSingleton<ApiTrigger>();
builder.Services.AddHostedService<SignalledOutboxDispatcher>();

builder.Build().Run();
