using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>
/// A programme's account, year by year and funder by funder, from its tranches (one dossier per annual tranche),
/// with the inconsistencies found (<see cref="Issues"/>, in French): a tranche of another programme, a tranche whose
/// year no phase covers, a funder the programme does not list, phases whose budgets exceed the total.
/// </summary>
public sealed record ProgrammeReport(
    Programme Programme,
    IReadOnlyList<ProgrammeYear> Years,
    IReadOnlyList<FunderAmounts> Funders,
    ProgrammeAmounts Totals,
    IReadOnlyList<Refusal> Issues)
{
    /// <summary>
    /// Builds the account. Our figures per tranche: voted = <see cref="Dossier.AmountVoted"/>, paid =
    /// <see cref="Dossier.AmountPaid"/>, still expected = the credits still committed and not yet paid (the domain
    /// releases what will never be paid when a tranche lapses, is withdrawn or settled, and keeps paid − recovered
    /// after a recovery), so an ended tranche expects nothing more. Other funders: their revenue lines in each
    /// tranche's provisional budget, all still expected. Every year of every phase is listed, with or without tranches.
    /// </summary>
    public static ProgrammeReport Build(Programme programme, IReadOnlyList<Dossier> tranches)
    {
        var issues = new List<Refusal>();
        var lines = new List<(int Year, FunderAmounts Amounts)>();
        for (var i = 0; i < tranches.Count; i++)
        {
            if (tranches[i].Request is not { } request)
            {
                continue;
            }

            var tranche = tranches[i];
            var year = request.BudgetLine.Year;
            var label = tranche.Number?.ToString() ?? $"n°{i + 1}";
            if (request.ProgrammeId != programme.Id)
            {
                issues.Add(Refusal.Invalid("programme.other", $"tranches[{i}]", "Tranche du programme",
                    $"La tranche {label} n'est pas rattachée au programme « {programme.Name} »."));
            }

            if (programme.PhaseOf(year) is null)
            {
                issues.Add(Refusal.Invalid("programme.year-outside-phases", $"tranches[{i}]", "Tranche dans une phase du programme",
                    $"La tranche {label} porte sur l'exercice {year}, hors des phases du programme ({programme.FirstYear}-{programme.LastYear})."));
            }

            foreach (var revenue in request.Budget.Revenues)
            {
                var funder = revenue.Funder.Trim();
                lines.Add((year, revenue.FromThisAuthority
                    ? new FunderAmounts(funder, true, Ours(tranche))
                    : new FunderAmounts(funder, false, new ProgrammeAmounts(revenue.Amount, 0m, revenue.Amount))));
            }
        }

        foreach (var unknown in lines.Select(l => l.Amounts.Funder).Distinct().Where(f => !programme.Funders.Contains(f, StringComparer.OrdinalIgnoreCase)))
        {
            issues.Add(Refusal.Invalid("programme.unknown-funder", "funders", "Financeur du programme",
                $"Le financeur « {unknown} » figure au budget d'une tranche mais pas parmi les financeurs du programme."));
        }

        var phased = programme.Phases.Sum(p => p.Budget ?? 0m);
        if (phased > programme.TotalBudget)
        {
            issues.Add(Refusal.Invalid("programme.phases-above-total", "phases", "Phases dans le budget total",
                $"Les budgets des phases ({FrenchText.Euros(phased)}) dépassent le budget total du programme ({FrenchText.Euros(programme.TotalBudget)})."));
        }

        var years = Enumerable.Range(programme.FirstYear, programme.LastYear - programme.FirstYear + 1)
            .Concat(lines.Select(l => l.Year))
            .Distinct()
            .Order()
            .Select(year => Year(programme, year, lines.Where(l => l.Year == year).Select(l => l.Amounts)))
            .ToList();
        var funders = Group(lines.Select(l => l.Amounts), programme.Funders);
        return new ProgrammeReport(programme, years, funders, ProgrammeAmounts.Sum(funders.Select(f => f.Amounts)), issues);
    }

    private static ProgrammeAmounts Ours(Dossier tranche) =>
        new(tranche.AmountVoted, tranche.AmountPaid, Math.Max(0m, tranche.CreditsCommitted - (tranche.AmountPaid - tranche.AmountRecovered)));

    private static ProgrammeYear Year(Programme programme, int year, IEnumerable<FunderAmounts> lines)
    {
        var funders = Group(lines, []);
        return new ProgrammeYear(year, programme.PhaseOf(year)?.Label, funders, ProgrammeAmounts.Sum(funders.Select(f => f.Amounts)));
    }

    /// <summary>One row per funder (case-insensitive name), this authority first, then the programme's funders in its order, then the others.</summary>
    private static List<FunderAmounts> Group(IEnumerable<FunderAmounts> lines, IReadOnlyList<string> listed)
    {
        var rows = lines
            .GroupBy(l => l.Funder, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FunderAmounts(g.First().Funder, g.Any(l => l.ThisAuthority), ProgrammeAmounts.Sum(g.Select(l => l.Amounts))))
            .ToList();
        rows.AddRange(listed
            .Where(f => !rows.Any(r => string.Equals(r.Funder, f, StringComparison.OrdinalIgnoreCase)))
            .Select(f => new FunderAmounts(f, false, ProgrammeAmounts.Zero)));
        int Rank(FunderAmounts r)
        {
            var index = listed.ToList().FindIndex(f => string.Equals(f, r.Funder, StringComparison.OrdinalIgnoreCase));
            return r.ThisAuthority ? -1 : index < 0 ? int.MaxValue : index;
        }

        return rows.OrderBy(Rank).ThenBy(r => r.Funder, StringComparer.Ordinal).ToList();
    }
}
