using System.Text.Json;
using Approvals.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>The application's services and routes, registered the same way by the server and by the Function App.</summary>
public static class ApprovalsCore
{
    /// <summary>The application layer and the API's options; storage and mail adapters are added by the host.</summary>
    public static IServiceCollection AddApprovalsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(http => UseDomainJson(http.SerializerOptions));
        services.AddValidatedOptions<ProcessOptions, ProcessOptionsValidation>(configuration, ProcessOptions.SectionName);
        // One upload limit for the whole app: the storage's, which refuses larger files too.
        services.AddSingleton(provider =>
        {
            var api = provider.GetRequiredService<IOptions<ApiOptions>>().Value;
            return api with { MaxUploadBytes = configuration.GetValue("Storage:MaxUploadBytes", api.MaxUploadBytes) };
        });
        services.AddValidatedOptions<ApiOptions, ApiOptionsValidation>(configuration, ApiOptions.SectionName);
        services.AddValidatedOptions<IdentityOptions, IdentityOptionsValidation>(configuration, IdentityOptions.SectionName);
        services.AddSingleton(new MailRecipients(configuration.GetSection("Mail:FinanceRecipients").Get<string[]>() ?? []));
        services.AddSingleton<AuthorityMail>();
        services.AddSingleton<MailPolicy>();
        services.AddSingleton<OutboxPlanner>();
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidation>(configuration, OutboxOptions.SectionName);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<DossierService>();
        services.AddSingleton<VoteRecording>();
        services.AddSingleton<OrphanDocumentSweep>();
        services.AddSingleton<DocumentUpload>();
        services.TryAddSingleton<IClockSignal, ClockSwitchedOff>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<BudgetLedger>();
        services.AddSingleton<ExportLoading>();
        services.AddSingleton<IBeneficiaryGrants, StoredBeneficiaryGrants>();
        services.AddApprovalsFinance(configuration);
        services.AddApprovalsPortal(configuration);
        return services;
    }

    /// <summary>
    /// Typed results (<c>TypedResults.Ok</c>) and the OpenAPI document's schemas use the host's JSON options: the same
    /// as <see cref="DomainJson.Options"/>, so that an answer and its documented schema have the domain's one JSON shape.
    /// </summary>
    private static void UseDomainJson(JsonSerializerOptions http)
    {
        var domain = DomainJson.Options;
        http.PropertyNamingPolicy = domain.PropertyNamingPolicy;
        http.PropertyNameCaseInsensitive = domain.PropertyNameCaseInsensitive;
        http.NumberHandling = domain.NumberHandling;
        http.UnmappedMemberHandling = domain.UnmappedMemberHandling;
        http.RespectRequiredConstructorParameters = domain.RespectRequiredConstructorParameters;
        http.RespectNullableAnnotations = domain.RespectNullableAnnotations;
        http.MaxDepth = domain.MaxDepth;
        http.Encoder = domain.Encoder;
        http.TypeInfoResolver = domain.TypeInfoResolver;
        http.Converters.Clear();
        foreach (var converter in domain.Converters)
        {
            http.Converters.Add(converter);
        }
    }

    /// <summary>Every <c>/api</c> route, with storage faults answered as 503.</summary>
    public static void MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").AddEndpointFilter(ApiErrors.GuardStorage);
        api.MapDossiersApi();
        api.MapDocumentsApi();
        api.MapDeadlinesApi();
        api.MapOutboxApi();
        api.MapMeApi();
        api.MapRoleAssignmentsApi();
        api.MapFinanceApi();
        api.MapPortalApi();
        api.MapPortalDocumentsRequests();
        api.MapPortalReportApi();
        api.MapPortalInboxApi();
        api.MapClocksApi();
    }
}
