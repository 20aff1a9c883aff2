using System.Text;
using Azure.Data.Tables;

namespace Approvals.Storage;

/// <summary>
/// A string property holds at most 64 KiB (32 Ki UTF-16 characters), so long JSON is split over properties
/// <c>Json</c>, <c>Json_1</c>, <c>Json_2</c>… of <see cref="ChunkLength"/> characters (an entity holds up to 1 MiB).
/// </summary>
internal static class JsonChunks
{
    public const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string json)
    {
        var index = 0;
        var start = 0;
        do
        {
            var length = Math.Min(ChunkLength, json.Length - start);
            // Never cut between the two halves of a surrogate pair: each chunk must be valid UTF-16 on its own.
            if (length > 0 && start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            entity[index == 0 ? name : $"{name}_{index}"] = json.Substring(start, length);
            start += length;
            index++;
        }
        while (start < json.Length);
    }

    public static string Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name) ?? "";
        if (!entity.ContainsKey($"{name}_1"))
        {
            return first;
        }

        var json = new StringBuilder(first);
        for (var index = 1; entity.TryGetValue($"{name}_{index}", out var chunk); index++)
        {
            json.Append((string)chunk);
        }

        return json.ToString();
    }
}
