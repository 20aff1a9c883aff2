using Xunit;

namespace Approvals.Testing;

/// <summary>An Azurite instance for an xunit class or collection fixture: started before the first test, removed after the last.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? azurite;

    public AzuriteInstance Azurite => azurite ?? throw new InvalidOperationException("The fixture is not initialized.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() => azurite = await AzuriteInstance.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
