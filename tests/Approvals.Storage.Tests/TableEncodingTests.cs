using Azure.Data.Tables;

namespace Approvals.Storage.Tests;

public sealed class TableEncodingTests
{
    [Theory]
    [InlineData("SUB-2022-0042", "SUB-2022-0042")]
    [InlineData("a/b\\c#d?e", "a%2Fb%5Cc%23d%3Fe")]
    [InlineData("50%|x", "50%25%7Cx")]
    [InlineData("tab\there", "tab%09here")]
    public void GivenAValue_WhenEscapedForAKey_ThenForbiddenCharactersArePercentEncoded(string value, string expected) =>
        Assert.Equal(expected, TableKeys.Escape(value));

    [Fact]
    public void GivenValuesThatOnlyDifferByEscapes_WhenEscaped_ThenTheirKeysStayDistinct() =>
        Assert.NotEqual(TableKeys.Escape("a/b"), TableKeys.Escape("a%2Fb"));

    [Theory]
    [InlineData(0)]
    [InlineData(29_999)]
    [InlineData(30_000)]
    [InlineData(30_001)]
    [InlineData(95_000)]
    public void GivenJsonOfAnyLength_WhenChunked_ThenEveryChunkFitsAndTheJoinIsTheOriginal(int length)
    {
        var json = new string('x', length);
        var entity = new TableEntity("p", "r");

        JsonChunks.Write(entity, "Json", json);

        Assert.Equal(json, JsonChunks.Read(entity, "Json"));
        Assert.All(entity.Keys.Where(key => key.StartsWith("Json", StringComparison.Ordinal)), key => Assert.True(((string)entity[key]).Length <= JsonChunks.ChunkLength));
        Assert.Equal(Math.Max(1, (length + JsonChunks.ChunkLength - 1) / JsonChunks.ChunkLength), entity.Keys.Count(key => key.StartsWith("Json", StringComparison.Ordinal)));
    }

    [Fact]
    public void GivenASurrogatePairAcrossAChunkBoundary_WhenChunked_ThenThePairStaysInOneChunk()
    {
        var json = new string('x', JsonChunks.ChunkLength - 1) + "🎓" + "tail";
        var entity = new TableEntity("p", "r");

        JsonChunks.Write(entity, "Json", json);

        Assert.Equal(JsonChunks.ChunkLength - 1, ((string)entity["Json"]).Length);
        Assert.StartsWith("🎓", (string)entity["Json_1"]);
        Assert.Equal(json, JsonChunks.Read(entity, "Json"));
    }
}
