namespace Approvals.Application;

/// <summary>
/// A one-time sign-in link as stored: the SHA-256 of its token (never the token), the address it signs in, the site
/// (scheme, host and port) that sent it and on which alone it works, when it expires and when it was used.
/// </summary>
public sealed record PortalLink(string TokenHash, string Address, string Origin, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt = null);
