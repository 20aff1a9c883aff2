namespace Approvals.Domain;

/// <summary>Stable deadline identifiers: the clock's index and the register refer to deadlines by these.</summary>
public static class DeadlineIds
{
    public const string PaymentWindow = "payment-window";
    public const string ReportDue = "report-due";
    public const string ConventionEnd = "convention-end";
    public const string ReferralWindow = "referral-window";

    /// <summary>One per formal notice: a later notice is a new deadline.</summary>
    public static string FormalNoticeExpiry(DateOnly sentOn) => $"formal-notice-{sentOn:yyyyMMdd}";

    public static string Reminder(string deadlineId, int daysBefore) => $"reminder-{deadlineId}-{daysBefore}d";
}
