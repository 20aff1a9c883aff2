namespace Approvals.Domain;

public enum InstalmentStatus
{
    /// <summary>Its event has not happened yet.</summary>
    Expected,

    /// <summary>Its event happened: it may be paid.</summary>
    Due,

    /// <summary>The payments cover it.</summary>
    Paid,
}
