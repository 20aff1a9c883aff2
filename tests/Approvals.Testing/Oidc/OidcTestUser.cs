namespace Approvals.Testing;

/// <summary>A person the test provider knows: signs in with <paramref name="Login"/> (the subject), any password.</summary>
public sealed record OidcTestUser(string Login, string Email, string Name, IReadOnlyList<string>? Roles = null);
