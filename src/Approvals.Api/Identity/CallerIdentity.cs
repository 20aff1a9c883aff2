using Approvals.Application;

namespace Approvals.Api;

/// <summary>Who the request says the caller is: nobody, a person with one known role, or a person whose role claims are refused.</summary>
public abstract record CallerIdentity
{
    private CallerIdentity()
    {
    }

    public sealed record Anonymous : CallerIdentity;

    public sealed record Known(Actor Actor) : CallerIdentity;

    /// <summary>Signed in, but with no role, an unknown one or several: <paramref name="Detail"/> says why and whom to ask.</summary>
    public sealed record Refused(string Name, string Detail) : CallerIdentity;
}
