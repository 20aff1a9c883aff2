using System.Security.Cryptography;
using System.Text;

namespace Approvals.Application;

/// <summary>
/// The register's hash chain: each entry's hash covers its content and the previous entry's hash, so that altering,
/// removing or reordering any event breaks every hash after it.
/// </summary>
public static class RegisterChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(string dossierId, long sequence, string type, string json, string actor, DateTimeOffset recordedAt, string previousHash)
    {
        var canonical = string.Join('\n', dossierId, sequence, type, recordedAt.UtcDateTime.ToString("O"), actor, previousHash, json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static RegisterEntry Entry(string dossierId, long sequence, string type, string json, string actor, DateTimeOffset recordedAt, string previousHash) =>
        new(dossierId, sequence, type, json, actor, recordedAt, previousHash, Hash(dossierId, sequence, type, json, actor, recordedAt, previousHash));

    public static RegisterVerification Verify(IReadOnlyList<RegisterEntry> entries)
    {
        var previous = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var problem = e.Sequence != i + 1 ? $"événement n°{i + 1} manquant ou déplacé (trouvé n°{e.Sequence})"
                : e.PreviousHash != previous ? $"l'événement n°{e.Sequence} ne suit pas le précédent"
                : e.Hash != Hash(e.DossierId, e.Sequence, e.Type, e.Json, e.Actor, e.RecordedAt, e.PreviousHash) ? $"l'événement n°{e.Sequence} a été modifié"
                : null;
            if (problem is not null)
            {
                return new RegisterVerification(false, entries.Count, i + 1, problem);
            }

            previous = e.Hash;
        }

        return new RegisterVerification(true, entries.Count, null, null);
    }
}
