using System.Text.Json.Nodes;

namespace Approvals.Application;

/// <summary>
/// Snapshots written before the state had one record per stage held about thirty flat fields; the register is the same,
/// only the state row's shape changed. This moves a flat snapshot's fields into the stage records, so that stored
/// dossiers load without a migration; the next command writes the new shape.
/// </summary>
internal static class DossierShapeUpgrade
{
    /// <summary>Every flat snapshot has this field; the staged shape keeps the payment requests in <c>payments</c>.</summary>
    private const string FlatMarker = "paymentRequests";

    public static JsonObject Upgrade(JsonObject state)
    {
        if (!state.ContainsKey(FlatMarker))
        {
            return state;
        }

        var receipt = state["acknowledgedOn"] is null ? null : new JsonObject
        {
            ["actesId"] = Take(state, "actesId"),
            ["receivedOn"] = Take(state, "acknowledgedOn"),
            ["letters"] = Take(state, "prefectureLetters"),
            ["awaitingAdditionalDocuments"] = Take(state, "awaitingAdditionalDocuments"),
            ["additionalDocuments"] = Take(state, "additionalDocuments"),
            ["observationsAnswers"] = Take(state, "observationsAnswers"),
            ["referral"] = state["referral"] is null ? null : new JsonObject
            {
                ["lodged"] = Take(state, "referral"),
                ["suspension"] = Take(state, "suspension"),
                ["decision"] = Take(state, "courtDecision"),
            },
            ["safeFromReferralSince"] = Take(state, "safeFromReferralSince"),
        };
        var notification = state["notifiedOn"] is null ? null : new JsonObject
        {
            ["notifiedOn"] = Take(state, "notifiedOn"),
            ["paymentWindowLastDay"] = Take(state, "paymentWindowLastDay"),
        };
        var payments = new JsonObject
        {
            ["requests"] = Take(state, FlatMarker),
            ["amountRequested"] = Take(state, "amountRequestedForPayment"),
            ["recorded"] = Take(state, "payments"),
            ["amountPaid"] = Take(state, "amountPaid"),
        };
        var report = state["reportReceivedOn"] is null ? null : new JsonObject
        {
            ["receivedOn"] = Take(state, "reportReceivedOn"),
            ["settlement"] = Take(state, "settlement"),
        };
        var recovery = state["recoveryReason"] is null ? null : new JsonObject
        {
            ["amount"] = Take(state, "amountRecovered"),
            ["reason"] = Take(state, "recoveryReason"),
        };
        var notice = state["formalNotice"] is null ? null : new JsonObject
        {
            ["sent"] = Take(state, "formalNotice"),
            ["expired"] = Take(state, "formalNoticeExpired"),
        };

        // What the stage records replace, and what is now derived (the amount voted comes from the vote).
        string[] replaced =
        [
            "actesId", "acknowledgedOn", "prefectureLetters", "awaitingAdditionalDocuments", "additionalDocuments", "observationsAnswers",
            "referral", "suspension", "courtDecision", "safeFromReferralSince", "notifiedOn", "paymentWindowLastDay", "paymentRequests",
            "amountRequestedForPayment", "payments", "reportReceivedOn", "settlement", "amountRecovered", "recoveryReason",
            "formalNotice", "formalNoticeExpired", "amountVoted", "amountPaid", "amountRecovered",
        ];
        foreach (var name in replaced)
        {
            state.Remove(name);
        }

        state["receipt"] = receipt;
        state["notification"] = notification;
        state["payments"] = payments;
        state["report"] = report;
        state["recovery"] = recovery;
        state["formalNotice"] = notice;
        return state;
    }

    private static JsonNode? Take(JsonObject state, string name)
    {
        state.TryGetPropertyValue(name, out var value);
        state.Remove(name);
        return value;
    }
}
