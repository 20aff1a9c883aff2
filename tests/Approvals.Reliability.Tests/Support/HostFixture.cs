using Approvals.Testing;

namespace Approvals.Reliability.Tests;

/// <summary>One in-process server (fake clock from 3 May 2022) shared by the tests of a class; each test makes its own dossiers.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public ApprovalsServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ApprovalsServerHost.StartAsync(Walks.Paris(2022, 5, 3));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
