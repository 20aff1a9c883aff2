namespace Approvals.Domain;

/// <summary>Which public holidays apply: Alsace-Moselle adds Good Friday and 26 December.</summary>
public enum Territory
{
    General,
    AlsaceMoselle,
}
