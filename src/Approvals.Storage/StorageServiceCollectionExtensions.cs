using Approvals.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Approvals.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the stores over Azure Storage (section <c>Storage</c>) the start-up step that creates tables and container, and the background upgrade of rows of an earlier layout.</summary>
    public static IServiceCollection AddApprovalsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorageClients();
        services.AddSingleton<IDossierStore, TableDossierStore>();
        services.AddSingleton<IDeadlineIndex, TableDeadlineIndex>();
        services.AddSingleton<IDocumentStore, BlobDocumentStore>();
        services.AddSingleton<IBudgetLineStore, TableBudgetLineStore>();
        services.AddSingleton<IProgrammeStore, TableProgrammeStore>();
        services.AddSingleton<IRoleAssignments, TableRoleAssignments>();
        services.AddSingleton<IPortalStore, TablePortalStore>();
        services.AddSingleton<IAuthorityStore, TableAuthorityStore>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<StorageInitializer>());
        services.AddHostedService<StorageUpgrade>();
        return services;
    }
}
