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

    public static IReadOnlyList<Role> ManageBudget { get; } = [Finance];

    public static IReadOnlyList<Role> ManageProgrammes { get; } = [Finance, CaseOfficer];

    public static IReadOnlyList<Role> Export { get; } = [Finance, Reader, CaseOfficer];

    public static IServiceCollection AddApprovalsFinance(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthoritySection);
        var authority = new Authority(section["Name"] ?? "", section["Siret"] ?? "")
        {
            President = section["President"],
            PresidentTitle = section["PresidentTitle"] ?? "Président",
            Seat = section["Seat"],
            Court = section["Court"],
        };
        return services.AddSingleton(authority);
    }

    public static void MapFinanceApi(this IEndpointRouteBuilder app)
    {
        app.MapBudgetLinesApi();
        app.MapProgrammesApi();
        app.MapExportsApi();
        app.MapDossierFilesApi();
    }

    /// <summary>The states of the dossiers the query finds, in dossier number order (a few loads at a time: most come from the snapshot cache).</summary>
    public static async Task<IReadOnlyList<Dossier>> LoadStatesAsync(FinanceServices services, DossierQuery query, CancellationToken cancellationToken)
    {
        var summaries = (await services.Store.ReadSummariesAsync(query, cancellationToken).ToListAsync(cancellationToken))
            .OrderBy(s => s.Number, StringComparer.Ordinal)
            .ToList();
        var states = new Dossier?[summaries.Count];
        await Parallel.ForAsync(0, summaries.Count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var loaded = await services.Dossiers.GetAsync(summaries[i].DossierId, token);
            states[i] = loaded.IsOk ? loaded.Unwrap().State : null;
        });
        return states.OfType<Dossier>().ToList();
    }

    /// <summary>Today in Paris as yyyy-MM-dd, for file names.</summary>
    public static string Today(FinanceServices services) => FrenchCalendar.ParisDate(services.Time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
