using System.Text.Json.Serialization;

namespace Approvals.Application;

/// <summary>
/// A multi-year programme (e.g. the Cnam antenna of the Pays de Montbéliard, 786 000 € over 2021-2024 in two phases):
/// each annual tranche is its own dossier whose request names the programme's <paramref name="Id"/>.
/// </summary>
public sealed record Programme(string Id, string Name, decimal TotalBudget, IReadOnlyList<ProgrammePhase> Phases, IReadOnlyList<string> Funders)
{
    // Derived from the phases: neither stored nor accepted in a request body (the JSON options refuse unknown fields).
    [JsonIgnore]
    public int FirstYear => Phases.Min(p => p.FirstYear);

    [JsonIgnore]
    public int LastYear => Phases.Max(p => p.LastYear);

    /// <summary>The authority running it (null: the first one). Where it is stored, never in its JSON: a body cannot name another authority.</summary>
    [JsonIgnore]
    public string? AuthorityId { get; init; }

    public ProgrammePhase? PhaseOf(int year) => Phases.FirstOrDefault(p => year >= p.FirstYear && year <= p.LastYear);
}
