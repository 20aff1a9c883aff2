using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Approvals.Api;

/// <summary>
/// The two headers a command may carry, read strictly: a header the client sent but the server cannot read is
/// refused (400 naming it), never ignored, since ignoring it would apply the command without the guard asked for.
/// </summary>
public sealed record CommandHeaders(long? ExpectedVersion, string? IdempotencyKey)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public const int MaxIdempotencyKeyLength = 200;

    public static (CommandHeaders? Headers, ApiProblem? Problem) Read(HttpContext context)
    {
        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > MaxIdempotencyKeyLength)
        {
            return (null, ApiProblems.BadHeader(IdempotencyKeyHeader, $"Au plus {MaxIdempotencyKeyLength} caractères",
                $"L'en-tête {IdempotencyKeyHeader} dépasse {MaxIdempotencyKeyLength} caractères ({key.Length})."));
        }

        var ifMatch = context.Request.Headers.IfMatch;
        long? version = null;
        if (ifMatch.Count > 0)
        {
            // RFC 9110 §13.1.1: "*" or entity tags; ours are the dossier's version, quoted ("12"), strong or weak.
            if (!EntityTagHeaderValue.TryParseList(ifMatch, out var tags) || tags.Count != 1)
            {
                return (null, BadIfMatch(ifMatch.ToString()));
            }

            if (!tags[0].Equals(EntityTagHeaderValue.Any))
            {
                if (!long.TryParse(HeaderUtilities.RemoveQuotes(tags[0].Tag).Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return (null, BadIfMatch(ifMatch.ToString()));
                }

                version = parsed;
            }
        }

        return (new CommandHeaders(version, key.Length > 0 ? key : null), null);
    }

    private static ApiProblem BadIfMatch(string value) =>
        ApiProblems.BadHeader("If-Match", "Version du dossier entre guillemets (ETag), par exemple \"12\"",
            $"L'en-tête If-Match « {(value.Length > 40 ? value[..40] + "…" : value)} » n'est pas une version du dossier : renvoyez l'ETag reçu avec le dossier, par exemple \"12\".");
}
