using System.Globalization;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Finance;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Api;

using static Role;

/// <summary>
/// The finance routes over the <c>Approvals.Finance</c> library: budget lines, programmes, exports and the per-dossier
/// files (convention, archive). The granting authority comes from the configuration section <c>Authority</c>.
/// </summary>
public static class FinanceApi
{
    public const string AuthoritySection = "Authority";

    public const string DefaultAuthorityId = "principale";

    public static IReadOnlyList<Role> ManageBudget { get; } = [Finance];

    public static IReadOnlyList<Role> ManageProgrammes { get; } = [Finance, CaseOfficer];

    public static IReadOnlyList<Role> Export { get; } = [Finance, Reader, CaseOfficer];

    /// <summary>
    /// The first authority comes from the section <c>Authority</c> (its <c>Id</c>, default <c>principale</c>; its
    /// territory, default the one of <c>Reminders:Territory</c>); others are stored (<see cref="IAuthorityStore"/>).
    /// </summary>
    public static IServiceCollection AddApprovalsFinance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => new AuthorityDirectory(
            provider.GetRequiredService<IAuthorityStore>(), FirstAuthority(configuration, provider.GetRequiredService<ProcessOptions>().Territory), provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static GrantingAuthority FirstAuthority(IConfiguration configuration, Territory territory)
    {
        var section = configuration.GetSection(AuthoritySection);
        return new GrantingAuthority(section["Id"] is { Length: > 0 } id ? id : DefaultAuthorityId, section["Name"] ?? "", section["Siret"] ?? "")
        {
            President = section["President"],
            PresidentTitle = section["PresidentTitle"] ?? "Président",
            Seat = section["Seat"],
            Court = section["Court"],
            Territory = section.GetValue("Territory", territory),
            Bodies = section.GetSection("Bodies").Get<List<DeliberativeBody>>() ?? [],
            Scdl = section.GetSection("Scdl").Get<ScdlSettings>() ?? new ScdlSettings(),
        };
    }

    public static void MapFinanceApi(this IEndpointRouteBuilder app)
    {
        app.MapBudgetLinesApi();
        app.MapProgrammesApi();
        app.MapExportsApi();
        app.MapDossierFilesApi();
    }

    /// <summary>The states of the dossiers the query finds, in dossier number order (see <see cref="ExportLoading"/>).</summary>
    public static Task<IReadOnlyList<Dossier>> LoadStatesAsync(FinanceServices services, DossierQuery query, CancellationToken cancellationToken) =>
        services.Exports.LoadAsync(query, cancellationToken);

    /// <summary>Today in Paris as yyyy-MM-dd, for file names.</summary>
    public static string Today(FinanceServices services) => FrenchCalendar.ParisDate(services.Time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
