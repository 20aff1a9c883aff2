namespace Approvals.Domain;

public enum DeadlineKind
{
    /// <summary>End of the two-month window to ask for payment after notification: the grant lapses.</summary>
    PaymentWindow,

    /// <summary>The final report (compte rendu financier) is due.</summary>
    ReportDue,

    /// <summary>The convention ends.</summary>
    ConventionEnd,

    /// <summary>The month given by a formal notice runs out: termination becomes possible.</summary>
    FormalNoticeExpiry,

    /// <summary>The prefect's two months to refer the act to the court run out (CGCT L2131-6): the act is then safe from a déféré.</summary>
    ReferralWindow,

    /// <summary>A reminder some days before one of the deadlines above.</summary>
    Reminder,
}
