using Approvals.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Storage.Tests;

/// <summary>
/// Issue 15: an authority's id prefixes its storage keys (the deadline index, budget lines, dossier lists), so only
/// ids that need no escaping and sort after every bare date are stored: lowercase ASCII letters, digits and hyphens,
/// 1 to 32 characters, a letter first.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class AuthorityIdsTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly GrantingAuthority First = new("gbm", "Grand Besançon Métropole", "24250051300010");

    [Theory]
    [InlineData("")]
    [InlineData("PMA")]
    [InlineData("1abc")]
    [InlineData("-pma")]
    [InlineData("a|b")]
    [InlineData("pma montbeliard")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("é")]
    [InlineData("pmé")]
    public async Task GivenAnInvalidId_WhenTheAuthorityIsSaved_ThenItIsRefusedNamingTheFieldAndTheRuleAndNothingIsStored(string id)
    {
        await using var services = await fixture.CreateServicesAsync();
        var store = services.GetRequiredService<IAuthorityStore>();
        var directory = new AuthorityDirectory(store, First, TimeProvider.System);

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => directory.SaveAsync(new GrantingAuthority(id, "Pays de Montbéliard Agglomération", "20005055100013"), None));

        Assert.Equal("authority", refusal.ParamName);
        Assert.Contains($"\"{id}\"", refusal.Message);
        Assert.Contains("lettres minuscules sans accent, les chiffres et le tiret, commençant par une lettre", refusal.Message);
        Assert.Empty(await store.ListAsync(None));
        Assert.Equal(["gbm"], (await directory.ListAsync(None)).Select(a => a.Id));
    }

    [Fact]
    public async Task GivenValidIds_WhenTheAuthoritiesAreSaved_ThenEachIsStoredAndListed()
    {
        await using var services = await fixture.CreateServicesAsync();
        var store = services.GetRequiredService<IAuthorityStore>();
        var directory = new AuthorityDirectory(store, First, TimeProvider.System);
        string[] ids = ["p", "pma", "pma-nord", "cc-2-vallees", "abcdefghijklmnopqrstuvwxyz012345"];

        foreach (var id in ids)
        {
            await directory.SaveAsync(new GrantingAuthority(id, $"Collectivité {id}", "20005055100013"), None);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), (await store.ListAsync(None)).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Append("gbm").Order(StringComparer.Ordinal), (await directory.ListAsync(None)).Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GivenAnInvalidFirstAuthorityIdInTheSettings_WhenTheDirectoryIsBuilt_ThenItThrowsNamingTheSetting()
    {
        await using var services = await fixture.CreateServicesAsync();

        var refusal = Assert.Throws<ArgumentException>(
            () => new AuthorityDirectory(services.GetRequiredService<IAuthorityStore>(), First with { Id = "Grand Besançon" }, TimeProvider.System));

        Assert.Equal("Authority:Id", refusal.ParamName);
        Assert.Contains("commençant par une lettre", refusal.Message);
    }
}
