using Approvals.Application;

namespace Approvals.Api;

/// <summary>Who the request says the caller is: nobody, a person with one known role, or a person whose role claims are refused.</summary>
public abstract record CallerIdentity
{
    private CallerIdentity()
    {
    }

    public sealed record Anonymous : CallerIdentity;

    /// <summary>
    /// A person with a role. <see cref="Roles"/>: their role in each authority (by id) where they hold one; null when
    /// <see cref="Actor"/>'s role holds in the first authority only (a provider's role claim). <see cref="EveryAuthority"/>:
    /// the role holds in every authority (the development sign-in, the first administrator). Once scoped to the request's
    /// authority (<see cref="CurrentAuthority"/>), <see cref="Actor"/> acts there and <see cref="Authorities"/> lists where else they may.
    /// </summary>
    public sealed record Known(Actor Actor) : CallerIdentity
    {
        public IReadOnlyDictionary<string, Role>? Roles { get; init; }

        public bool EveryAuthority { get; init; }

        public IReadOnlyList<GrantingAuthority> Authorities { get; init; } = [];

        public bool Scoped { get; init; }
    }

    /// <summary>Signed in, but with no role, an unknown one or several: <paramref name="Detail"/> says why and whom to ask.</summary>
    public sealed record Refused(string Name, string Detail) : CallerIdentity;
}
