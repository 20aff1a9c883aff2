using System.Security.Cryptography;
using System.Text;

namespace Approvals.Application;

/// <summary>
/// A request sent under an <c>Idempotency-Key</c>, with the fingerprint of what the client sent (method, route, body).
/// Never of what the server adds (a blob name it drew, the credits it read): a retry of the same request must match
/// even when the server would build a different command for it today.
/// </summary>
public sealed record IdempotentRequest(string Key, string Fingerprint)
{
    /// <param name="body">The client's body as read (re-serialised, so that whitespace and key order do not matter).</param>
    public static IdempotentRequest Of(string key, string method, string route, object body) =>
        new(key, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method} {route}\n{DomainJson.Serialize(body)}"))));
}
