namespace Approvals.Application;

/// <summary>A phase of a programme over whole years (2021-2022…), with its own budget when one is known.</summary>
public sealed record ProgrammePhase(string Label, int FirstYear, int LastYear, decimal? Budget = null);
