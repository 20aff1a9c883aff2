using Approvals.Domain;

namespace Approvals.Application.Tests.Serialization;

/// <summary>
/// A <c>state</c> row written before the state had one record per stage (the seed dossier through its final report,
/// serialized by the flat shape and kept as a file) still loads, and gives the state the register folds to today.
/// </summary>
public sealed class FlatSnapshotTests
{
    private static readonly string FlatJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Serialization", "flat-snapshot-seed-000.json"));

    private static SeedHistory Register =>
        SeedHistory.Through(8).Apply(SeedDossier.Report(30_000m), new DateTimeOffset(2023, 1, 21, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GivenASnapshotInTheFlatShape_WhenLoaded_ThenItsStageRecordsHoldWhatTheFlatFieldsHeld()
    {
        var state = DomainJson.Deserialize<Snapshot>(FlatJson).State;

        Assert.Equal(DossierStage.ReportReceived, state.Stage);
        Assert.Equal("025-242500361-20220609-2022B0612-DE", state.Receipt?.ActesId.ToString());
        Assert.Equal(new DateOnly(2022, 6, 21), state.Receipt?.ReceivedOn);
        Assert.Equal(new Notification(new DateOnly(2022, 6, 30), new DateOnly(2022, 8, 30)), state.Notification);
        Assert.Equal("MANDAT-2022-4711", Assert.Single(state.Payments.Recorded).Reference);
        Assert.Equal(9_000m, state.Payments.AmountPaid);
        Assert.Equal(9_000m, state.Payments.AmountRequested);
        Assert.Equal(new DateOnly(2023, 1, 20), state.Report?.ReceivedOn);
        Assert.Equal(30_000m, state.Report?.Settlement.RealEligibleCosts);
        Assert.Null(state.Recovery);
        Assert.Null(state.FormalNotice);
    }

    [Fact]
    public void GivenASnapshotInTheFlatShape_WhenLoadedAndWrittenAgain_ThenItEqualsTheStateTheRegisterFoldsTo()
    {
        var loaded = DomainJson.Deserialize<Snapshot>(FlatJson).State;
        var folded = Register.State;

        Assert.Equal(DomainJson.Serialize(folded), DomainJson.Serialize(loaded));
    }

    [Fact]
    public void GivenAStagedSnapshot_WhenWrittenAndRead_ThenNothingIsLost()
    {
        var state = Register.State;

        var json = DomainJson.Serialize(new Snapshot(state, []));

        Assert.DoesNotContain("\"paymentRequests\"", json);
        Assert.Equal(DomainJson.Serialize(state), DomainJson.Serialize(DomainJson.Deserialize<Snapshot>(json).State));
    }
}
