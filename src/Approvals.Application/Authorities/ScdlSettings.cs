namespace Approvals.Application;

/// <summary>
/// How the authority publishes its grants in the SCDL "subventions" file (décret n° 2017-779): whether it must
/// (authorities of more than 3 500 inhabitants, loi n° 2016-1321 art. 6), and the attribuant's name and SIRET when
/// they differ from the authority's own (a shared service publishing for it).
/// </summary>
public sealed record ScdlSettings(bool Publishes = true, string? NomAttribuant = null, string? IdAttribuant = null);
