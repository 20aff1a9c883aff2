using Approvals.Api;
using Approvals.Mail;
using Approvals.Server;
using Approvals.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var development = builder.Environment.IsDevelopment();

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
// The Identity section is bound and checked by AddApprovalsCore; the development sign-in exists only in Development
// (there, on unless the section turns it off).
var identityConfigured = builder.Configuration.GetSection(IdentityOptions.SectionName).Exists();
builder.Services.AddSingleton(provider =>
{
    var identity = provider.GetRequiredService<IOptions<IdentityOptions>>().Value;
    return identity with { DevelopmentSignIn = development && (identity.DevelopmentSignIn || !identityConfigured) };
});
builder.Services.AddApprovalsCore(builder.Configuration);
builder.Services.AddApprovalsStorage(builder.Configuration);
builder.Services.AddApprovalsMail(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddApprovalsTelemetry(builder.Configuration);
builder.Services.AddDataProtection();
builder.Services.AddOpenApi();
builder.Services.AddApprovalsSecurity();
builder.Services.AddOpenIdConnectSignIn(builder.Configuration, development);
builder.Services.AddClockEngine(builder.Configuration);
builder.Services.AddHostedService<OutboxWorker>();
builder.Services.AddHostedService<LedgerWorker>();
builder.Services.AddHostedService<DigestWorker>();
builder.Services.AddHostedService<OrphanDocumentWorker>();
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));

var app = builder.Build();

app.UseApprovalsSecurity(hsts: !development);
app.UseStatusCodePages(async context =>
{
    if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
    {
        await ApiProblems.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
    }
});
app.UseDefaultFiles();
app.UseStaticFiles();
// The demo scripts, seed 004's being the one copy of the seed: the pages' examples read it (wwwroot/js/seed.js).
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Demo")), RequestPath = "/Demo" });
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/scalar").AllowAnonymous();
app.MapApprovalsHealth();
app.MapApprovalsApi();
app.MapOpenIdConnectSignIn();
if (development)
{
    app.MapDevelopmentApi();
}

if (await IndexRebuild.RunIfAskedAsync(app, args))
{
    return;
}

if (args.Contains("--demo"))
{
    await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);
    await DemoData.LoadAsync(app.Services, CancellationToken.None);
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"Approvals is running at {url}  (API reference: {url}/scalar)");
    }
});

await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
