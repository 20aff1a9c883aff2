using Approvals.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Storage.Tests;

/// <summary>The register's verification reads the snapshot and the register at one version, whatever is being written.</summary>
[Collection(StorageCollection.Name)]
public sealed class RegisterVerificationTests(StorageFixture storage)
{
    [Fact]
    public async Task GivenADossierBeingWritten_WhenItsRegisterIsVerifiedMeanwhile_ThenNoFalseBreakIsReported()
    {
        var tables = StorageApp.Tables(storage.Azurite);
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 5, 3, 8, 0, 0, TimeSpan.Zero));
        await using var writer = await StorageApp.StartAsync(tables, time, new StorageApp.NullMailer());
        await using var reader = await StorageApp.StartAsync(tables, time, new StorageApp.NullMailer());
        var dossiers = writer.GetRequiredService<DossierService>();
        var id = (await dossiers.CreateAsync(StorageApp.SeedRequest, StorageApp.Officer, null, CancellationToken.None)).Unwrap().DossierId;
        var verifier = reader.GetRequiredService<DossierService>();

        using var writing = new CancellationTokenSource();
        var written = Task.Run(async () =>
        {
            for (var n = 0; n < 60; n++)
            {
                Assert.True((await dossiers.HandleAsync(id, StorageApp.Attachment(n), StorageApp.Officer, CancellationToken.None)).IsOk);
            }
        });
        var checks = new List<VerifiedDossier>();
        while (!written.IsCompleted)
        {
            checks.Add((await verifier.ReadVerifiedAsync(id, CancellationToken.None)).Unwrap());
        }

        await written;
        Assert.True(checks.Count >= 10, $"only {checks.Count} checks overlapped the writes");
        Assert.All(checks, check => Assert.True(check.Verification.Valid, check.Verification.Problem));
        Assert.All(checks, check => Assert.Equal(check.Dossier.Version, check.Register.Count));
        Assert.All(checks, check => Assert.Equal(check.Dossier.Version - 1, check.Dossier.State.Documents.Count));
        Assert.Contains(checks, check => check.Dossier.Version > 1 && check.Dossier.Version < 61);
    }
}
